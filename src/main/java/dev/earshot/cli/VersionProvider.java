package dev.earshot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code earshot --version}: the version Maven wrote into the jar at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/earshot-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"earshot " + p.getProperty("version", "unknown")};
    }
}
