/** Reading and writing the Delta tables of a warehouse through their contracts. */
package org.govpulse.core.delta;
