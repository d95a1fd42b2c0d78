package forumkb.ingest;

import forumkb.thread.ThreadWrite;

/**
 * A parsed thread ready to store, with how the run names it in its errors: a label and
 * the input line it starts on (null when not known).
 */
record PreparedThread(String label, Integer line, ThreadWrite write) {
}
