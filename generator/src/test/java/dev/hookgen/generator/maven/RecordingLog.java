package dev.hookgen.generator.maven;

import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Keeps info, warn and error lines; fails the test on anything logged with a throwable. */
record RecordingLog(List<String> lines) implements Log {

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(CharSequence content) {}

    @Override
    public void debug(CharSequence content, Throwable error) {}

    @Override
    public void debug(Throwable error) {}

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        lines.add(content.toString());
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        throw new AssertionError(content.toString(), error);
    }

    @Override
    public void info(Throwable error) {
        throw new AssertionError(error);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("[warn] " + content);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        throw new AssertionError(content.toString(), error);
    }

    @Override
    public void warn(Throwable error) {
        throw new AssertionError(error);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        lines.add("[error] " + content);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        throw new AssertionError(content.toString(), error);
    }

    @Override
    public void error(Throwable error) {
        throw new AssertionError(error);
    }
}
