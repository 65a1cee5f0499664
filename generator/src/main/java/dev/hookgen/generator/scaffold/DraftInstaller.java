package dev.hookgen.generator.scaffold;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;
import dev.hookgen.generator.schema.SchemaException;
import dev.hookgen.generator.schema.SchemaSet;
import dev.hookgen.generator.schema.TriggerSelection;
import dev.hookgen.generator.validate.PayloadValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts a {@link Draft} into a schema directory, all or nothing. The draft is first checked in a
 * temporary copy of the schemas: the whole directory must still read as a catalog (conventions,
 * unique classes, a key that resolves) and the sample must validate against the draft. Only then are
 * {@code triggers/<name>.json} and {@code samples/<name>.json} written, neither over an existing file,
 * into the schema directory or into a folder of one's own that is built together with it.
 */
public final class DraftInstaller {

    /** The files written, relative to the schema directory. */
    public record Result(String schemaFile, String sampleFile) {}

    private DraftInstaller() {}

    public static Result install(Path schemaDirectory, String apiPackage, Draft draft, byte[] sample) {
        return install(new GeneratorConfig(schemaDirectory, apiPackage), draft, sample);
    }

    /** Installs the draft into {@code config}'s schema directory, checked with its packages. */
    public static Result install(GeneratorConfig config, Draft draft, byte[] sample) {
        return install(config, config.schemaDirectory(), draft, sample);
    }

    /**
     * Checks the draft with every schema of {@code config}'s directory and its packages, then writes it into
     * {@code into} (created when missing): a folder of one's own that is put together with the others to build,
     * as the plugin does with {@code schemaArtifacts} and {@code schemaDirectory}.
     */
    public static Result install(GeneratorConfig config, Path into, Draft draft, byte[] sample) {
        Path schemaFile = into.resolve(draft.schemaFile());
        Path sampleFile = into.resolve(draft.sampleFile());
        for (Path existing : List.of(schemaFile, sampleFile)) {
            if (Files.exists(existing)) {
                throw new ScaffoldException(into.relativize(existing).toString().replace('\\', '/')
                        + " already exists: scaffold writes new triggers only");
            }
        }
        check(config, draft, sample);
        try {
            Files.createDirectories(schemaFile.getParent());
            Files.createDirectories(sampleFile.getParent());
            Files.writeString(schemaFile, draft.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new ScaffoldException(draft.schemaFile() + " already exists: scaffold writes new triggers only");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + schemaFile, e);
        }
        try {
            Files.write(sampleFile, sample, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            delete(schemaFile);
            if (e instanceof FileAlreadyExistsException) {
                throw new ScaffoldException(draft.sampleFile() + " already exists: scaffold writes new triggers only");
            }
            throw new UncheckedIOException("cannot write " + sampleFile, e);
        }
        return new Result(draft.schemaFile(), draft.sampleFile());
    }

    /** Reads the schemas with the draft added, in a temporary copy, and validates the sample against it. */
    private static void check(GeneratorConfig config, Draft draft, byte[] sample) {
        Path schemaDirectory = config.schemaDirectory();
        Path staging = null;
        try {
            staging = Files.createTempDirectory("hookgen-scaffold");
            for (String folder : SchemaSet.FOLDERS) {
                copyFolder(schemaDirectory.resolve(folder), staging.resolve(folder));
            }
            Files.writeString(staging.resolve(draft.schemaFile()), draft.text(), StandardCharsets.UTF_8);
            Catalog catalog;
            try {
                catalog = CatalogReader.read(new GeneratorConfig(staging, config.apiPackage(), config.modelPackage(),
                        TriggerSelection.ALL));
            } catch (SchemaException e) {
                throw new ScaffoldException("the draft does not follow the conventions: " + e.getMessage());
            }
            List<String> problems = new PayloadValidator(catalog).validate(sample);
            if (!problems.isEmpty()) {
                throw new ScaffoldException("the sample is not valid against the draft of " + draft.schemaFile()
                        + ": " + String.join("; ", problems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the draft: " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(DraftInstaller::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }
}
