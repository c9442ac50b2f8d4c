package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A configuration lint of {@code docker-compose.yml}: no Docker engine runs where the tests run, so the file is
 * checked for what a broken deployment would show only at {@code docker compose up}.
 */
class DockerComposeLintTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SIDES = List.of("command-side", "query-side");
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void postgresIsPinnedToTheMajorTheTestsRunOn() throws IOException {
        Matcher image = Pattern.compile("postgres:(\\d+)\\.\\d+").matcher((String) services.get("postgres").get("image"));
        assertThat(image.matches()).as("PostgreSQL image pinned to major.minor").isTrue();

        Matcher embedded = Pattern.compile("<postgres-binaries.version>(\\d+)\\.")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(embedded.find()).isTrue();
        assertThat(image.group(1)).isEqualTo(embedded.group(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresHasAHealthcheckAndKeepsItsDataInANamedVolume() {
        Map<String, Object> postgres = services.get("postgres");
        Map<String, Object> healthcheck = (Map<String, Object>) postgres.get("healthcheck");
        assertThat((List<String>) healthcheck.get("test")).anySatisfy(part -> assertThat(part).contains("pg_isready"));

        String volume = ((List<String>) postgres.get("volumes")).get(0).split(":")[0];
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey(volume);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachSideIsBuiltFromItsModuleAndWaitsForAHealthyDatabase() {
        for (String side : SIDES) {
            Map<String, Object> service = services.get(side);
            assertThat(service).as(side).isNotNull();

            Map<String, Object> build = (Map<String, Object>) service.get("build");
            Path context = ROOT.resolve((String) build.get("context")).normalize();
            assertThat(context.resolve("Dockerfile")).exists();
            String module = (String) ((Map<String, Object>) build.get("args")).get("MODULE");
            assertThat(module).isEqualTo(side);
            assertThat(context.resolve(module).resolve("pom.xml")).exists();

            Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
            assertThat((Map<String, Object>) dependsOn.get("postgres")).containsEntry("condition", "service_healthy");

            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat((String) environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).as("%s signs in as the ledger's own role", side)
                    .isEqualTo("kpi_ledger").isNotEqualTo(postgresEnvironment().get("POSTGRES_USER"));
            String port = (String) environment.get("SERVER_PORT");
            assertThat((List<String>) service.get("ports")).containsExactly(port + ":" + port);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLedgersRoleIsCreatedAnOrdinaryOneByTheDatabasesFirstStart() throws IOException {
        List<String> volumes = (List<String>) services.get("postgres").get("volumes");
        assertThat(volumes).contains("./docker/postgres-init:/docker-entrypoint-initdb.d:ro");
        String init = Files.readString(ROOT.resolve("docker/postgres-init/10-ledger-role.sh"));
        assertThat(init).contains("create role kpi_ledger login nosuperuser")
                .contains("create database kpi_ledger owner kpi_ledger");
        assertThat(postgresEnvironment().get("POSTGRES_USER")).isEqualTo("postgres");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> postgresEnvironment() {
        return (Map<String, Object>) services.get("postgres").get("environment");
    }
}
