package dev.watchfloor.cli;

/** The help text. */
final class Usage {

    static final String TEXT = """
            usage: watchfloor <command> [arguments]

            commands:
              up                         start the local mesh and wait; Ctrl-C stops it
              demo                       start the mesh, load sample events, investigate sample alerts,
                                         approve one action and show its webhook call, then stop
              bench-startup [--runs N]   start and stop the whole mesh N times (default 5, 1 to 20) and print
                                         each service's median/min/max start-up against the 3 s target
              submit FILE                send alerts (a JSON object or array) to ingest, one result line each
              approvals                  list actions waiting for approval
              approve ID [--reason TEXT] approve a pending action
              deny ID [--reason TEXT]    deny a pending action
              help                       show this text

            environment:
              WATCHFLOOR_DB_URL          postgresql://user:pass@host:port/db for up, demo and bench-startup
                                         (default: an embedded PostgreSQL, fresh on every start)
              WATCHFLOOR_INGEST_URL      ingest-service base URL (default http://127.0.0.1:8081)
              WATCHFLOOR_REASONING_URL   reasoning-service base URL (default http://127.0.0.1:8083)
              WATCHFLOOR_GOVERNANCE_URL  governance-service base URL (default http://127.0.0.1:8085)
              WATCHFLOOR_HOME            checkout holding the built services (default: the one holding the CLI)

            exit codes: 0 done, 1 failed, 2 wrong command line
            """;

    private Usage() {
    }
}
