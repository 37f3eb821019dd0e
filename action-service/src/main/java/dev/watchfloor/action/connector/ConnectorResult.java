package dev.watchfloor.action.connector;

/** A connector's successful run: the vendor's status code and a short detail to store on the action. */
public record ConnectorResult(int status, String detail) {
}
