package dev.watchfloor.cli.demo;

/** An alert the demo handed to ingest: the id ingest gave it, and its title for display. */
record SubmittedAlert(String alertId, String title) {
}
