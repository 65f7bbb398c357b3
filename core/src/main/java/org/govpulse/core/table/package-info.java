/** Table contracts: every column name, schema, key and location, declared once. */
package org.govpulse.core.table;
