/**
 * The runtime every generated catalog sits on: what does not depend on the schemas.
 *
 * <p>{@link dev.hookgen.runtime.EventReader} is the parsing contract (strict JSON, {@link dev.hookgen.runtime.ParseLimits},
 * duplicate keys rejected, string-only type ids, one exception type, lossless writing); a generated catalog's
 * {@code WebhookParser} binds it to the catalog's sealed {@code WebhookEvent}. {@link dev.hookgen.runtime.Event} is
 * what code outside a generated package can program against, and
 * {@link dev.hookgen.runtime.receiver} the framework-free receiver core built on both.
 * The only dependency is jackson-databind.
 */
package dev.hookgen.runtime;
