/** The HTTP layer (Javalin): the route table, thin handlers, authentication, problem details, streams, metrics. */
package org.govpulse.api.http;
