package dev.watchfloor.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;

/**
 * Creates the command classes (and anything else picocli instantiates): with the {@link CliContext} when the class has
 * a constructor taking one, otherwise as picocli would.
 */
final class CommandFactory implements CommandLine.IFactory {

    private final CliContext context;

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withContext;
        try {
            withContext = type.getDeclaredConstructor(CliContext.class);
        } catch (NoSuchMethodException noContextNeeded) {
            return CommandLine.defaultFactory().create(type);
        }
        return withContext.newInstance(context);
    }
}
