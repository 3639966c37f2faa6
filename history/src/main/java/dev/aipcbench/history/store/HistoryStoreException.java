package dev.aipcbench.history.store;

/**
 * The history store cannot be used as asked: a malformed URL, a server that is down or refuses the
 * credentials, a schema newer than this version of the suite, a run that is not there. The message is one
 * line naming the store and what is wrong; the command line prints it and exits 2. Nothing of the run being
 * published was written (every run is one transaction).
 */
public final class HistoryStoreException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public HistoryStoreException(String message) {
        super(oneLine(message));
    }

    public HistoryStoreException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message == null ? "history store error" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
