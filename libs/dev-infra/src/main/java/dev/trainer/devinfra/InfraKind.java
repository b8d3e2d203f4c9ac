package dev.trainer.devinfra;

import java.util.Locale;

/** The servers dev-infra can run; {@link #cliName()} is how InfraMain's command line names them. */
public enum InfraKind {
    KAFKA,
    POSTGRES;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InfraKind fromCliName(String name) {
        for (InfraKind kind : values()) {
            if (kind.cliName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown server '" + name + "', expected kafka or postgres");
    }
}
