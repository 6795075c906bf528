package dev.earshot.store;

/** The database refused or failed a statement (a broken constraint, a closed file, a full disk). */
public final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
