package dev.hookgen.benchmarks;

import dev.hookgen.generator.Generator;
import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.GeneratorVersion;
import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.output.InputFingerprint;
import dev.hookgen.generator.output.InputStamp;
import dev.hookgen.generator.output.OutputWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generator in process, on our 37 triggers and on synthetic catalogs of 100 and 1,000 (see
 * {@link SyntheticCatalog}); and the Maven plugin's work when nothing changed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class GenerateBenchmark {

    /** The stamp file {@code GenerateMojo} writes beside its output. */

    @Param({"37", "100", "1000"})
    public int triggers;

    private Path directory;
    private GeneratorConfig config;
    private Path output;

    @Setup
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("hookgen-bench-");
        config = SyntheticCatalog.create(directory.resolve("schemas"), triggers);
        output = directory.resolve("out");
        OutputWriter.write(Generator.generate(config), output);
        InputStamp.write(output, InputFingerprint.of(config, GeneratorVersion.fingerprint()));
        if (!upToDate()) {
            throw new IllegalStateException("the output of " + triggers + " triggers is not up to date after generating it");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        SyntheticCatalog.delete(directory);
    }

    /** Read the schemas, check them, emit models and API, in memory. */
    @Benchmark
    public GeneratedFiles generate() {
        return Generator.generate(config);
    }

    /**
     * What {@code GenerateMojo} does when nothing changed: hash every schema file with the configuration and the
     * generator's version, compare with the stamp, and check every file of the manifest still exists.
     * Maven's own start-up and project model building are not included.
     */
    @Benchmark
    public boolean upToDate() throws IOException {
        return InputStamp.matches(output, InputFingerprint.of(config, GeneratorVersion.fingerprint()));
    }
}
