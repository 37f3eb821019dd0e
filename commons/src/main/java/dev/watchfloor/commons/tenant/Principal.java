package dev.watchfloor.commons.tenant;

/** Who makes a request and the tenant it acts for. Every layer receives the tenant as a value from here. */
public record Principal(String name, String tenant) {
}
