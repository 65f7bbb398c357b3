/** Delta tables read and appended with Delta Kernel: consistent reads of one table version, real commits. */
package org.govpulse.api.delta;
