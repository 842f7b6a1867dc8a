package io.paysignal.pipeline.cli;

import io.paysignal.pipeline.io.ModelLocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code riskctl}: the one command line of DATA-CONTRACT section 3. Each sub-command is its own class;
 * this type only lists them and turns failures into a one-line reason on stderr with a non-zero exit.
 */
@Command(name = "riskctl",
        mixinStandardHelpOptions = true,
        versionProvider = RiskCtl.Version.class,
        description = "Delinquency-risk scoring: generate sample history, train, score, evaluate.",
        subcommands = {CommandLine.HelpCommand.class})
public final class RiskCtl {

    /** Exit status for a run that failed for a reason the user can act on (bad input, bad options). */
    public static final int EXIT_FAILURE = 1;
    /** picocli's status for unknown or malformed options. */
    public static final int EXIT_USAGE = 2;
    /** Longest reason printed on stderr. */
    private static final int MAX_REASON = 600;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status; never calls System.exit, so tests can use it. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine();
        return commandLine.execute(args);
    }

    /** The configured picocli command tree. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RiskCtl());
        for (Object subcommand : Subcommands.all()) {
            commandLine.addSubcommand(subcommand);
        }
        // After the sub-commands: picocli gives a converter to the sub-commands present when it is registered.
        commandLine.registerConverter(java.nio.file.Path.class, new LocalPathConverter());
        commandLine.registerConverter(ModelLocation.class, text -> {
            try {
                return ModelLocation.of(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        // The contract asks for a one-line reason on stderr: no usage dump after a mistyped option.
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("riskctl: " + oneLine(exception) + " (see: "
                    + failed.getCommandSpec().qualifiedName(" ") + " --help)");
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("riskctl " + cmd.getCommandName() + ": " + oneLine(exception));
            org.slf4j.LoggerFactory.getLogger(RiskCtl.class).debug("command failed", exception);
            return EXIT_FAILURE;
        });
        return commandLine;
    }

    /** The failure in one line: its message, and the root cause's when that says something more. */
    static String oneLine(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        if (root != exception && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        String line = message.replaceAll("\\s*\\R\\s*", " ");
        // Spark errors can embed whole query plans; the full text is in the log at debug level.
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RiskCtl.class.getPackage().getImplementationVersion();
            return new String[] {"riskctl " + (version == null ? "dev" : version)};
        }
    }
}
