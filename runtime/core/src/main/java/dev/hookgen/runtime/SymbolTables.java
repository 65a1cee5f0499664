package dev.hookgen.runtime;

/** Whether a failure came out of Jackson's field-name symbol tables ({@code com.fasterxml.jackson.core.sym}). */
final class SymbolTables {

    private static final String PACKAGE = "com.fasterxml.jackson.core.sym.";

    private SymbolTables() {
    }

    /**
     * True if {@code failure} or one of its causes was thrown by a symbol table: Jackson's bound on colliding
     * names ({@code StreamConstraintsException}), or the errors of a table a failed parse left broken
     * ({@code IllegalStateException} from {@code rehash}, {@code ArrayIndexOutOfBoundsException}).
     */
    static boolean failedIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (frame.getClassName().startsWith(PACKAGE)) {
                    return true;
                }
                if (!frame.getClassName().startsWith("com.fasterxml.jackson.core.")) {
                    break; // the symbol table is called from the parser, never from further out
                }
            }
        }
        return false;
    }
}
