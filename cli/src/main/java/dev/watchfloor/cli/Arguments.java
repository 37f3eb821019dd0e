package dev.watchfloor.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: the command word, its positional arguments and its {@code --name value} options.
 * {@code --name=value} works too, {@code --} ends the options, and {@code -h}/{@code --help} anywhere means "help".
 */
public record Arguments(String command, List<String> positionals, Map<String, String> options) {

    /** Options that take a value; any other option is a usage error. */
    static final Set<String> VALUE_OPTIONS = Set.of("reason", "runs");

    public Arguments {
        positionals = List.copyOf(positionals);
        options = Map.copyOf(options);
    }

    public static Arguments parse(String... args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                words.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                return new Arguments("help", List.of(), Map.of());
            } else {
                i = readOption(args, i, options);
            }
        }
        if (words.isEmpty()) {
            return new Arguments("help", List.of(), options);
        }
        return new Arguments(words.get(0), words.subList(1, words.size()), options);
    }

    /** The positional argument at {@code index}, named {@code name} in the error when it is missing. */
    public String positional(int index, String name) {
        if (index >= positionals.size()) {
            throw new UsageException(command + " needs " + name);
        }
        return positionals.get(index);
    }

    /** Rejects extra positional arguments and options this command does not take. */
    public Arguments expect(int maxPositionals, String... allowedOptions) {
        if (positionals.size() > maxPositionals) {
            throw new UsageException("unexpected argument for " + command + ": " + positionals.get(maxPositionals));
        }
        Set<String> allowed = Set.of(allowedOptions);
        options.keySet().stream().filter(name -> !allowed.contains(name)).findFirst().ifPresent(name -> {
            throw new UsageException(command + " does not take --" + name);
        });
        return this;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    private static int readOption(String[] args, int i, Map<String, String> options) {
        String body = args[i].replaceFirst("^--?", "");
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        if (!VALUE_OPTIONS.contains(name)) {
            throw new UsageException("unknown option " + args[i]);
        }
        if (eq >= 0) {
            options.put(name, body.substring(eq + 1));
            return i;
        }
        if (i + 1 >= args.length) {
            throw new UsageException("--" + name + " needs a value");
        }
        options.put(name, args[i + 1]);
        return i + 1;
    }
}
