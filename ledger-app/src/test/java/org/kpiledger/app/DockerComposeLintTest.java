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
            assertThat((Map<String, Object>) service.get("deploy")).as("%s runs as two processes", side)
                    .containsEntry("replicas", 2);
            assertThat((List<String>) service.get("expose")).containsExactly(port);
            assertThat(service).as("%s is reached through the load balancer only", side).doesNotContainKey("ports");
        }
    }

    /**
     * The load balancer publishes each side's port and forwards it to every process of that side: an upstream naming
     * the side's service and port (Docker's DNS answers with each replica), a server listening on the port that
     * proxies to it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theLoadBalancerPublishesEachSidesPortAndForwardsItToThatSidesProcesses() throws IOException {
        Map<String, Object> balancer = services.get("load-balancer");
        assertThat((String) balancer.get("image")).matches("nginx:\\d+\\.\\d+\\.\\d+");
        String mount = ((List<String>) balancer.get("volumes")).get(0);
        assertThat(mount).endsWith(":/etc/nginx/nginx.conf:ro");
        String configuration = Files.readString(ROOT.resolve(mount.substring(0, mount.indexOf(':'))));
        for (String side : SIDES) {
            String port = (String) ((Map<String, Object>) services.get(side).get("environment")).get("SERVER_PORT");
            assertThat((List<String>) balancer.get("ports")).contains(port + ":" + port);
            Matcher upstream = Pattern.compile("upstream (\\w+) \\{[^}]*server " + side + ":" + port + " resolve")
                    .matcher(configuration);
            assertThat(upstream.find()).as("an upstream of every %s process", side).isTrue();
            assertThat(configuration).containsPattern("listen " + port + ";\\s*location / \\{\\s*proxy_pass http://"
                    + upstream.group(1) + ";");
            assertThat((List<String>) balancer.get("depends_on")).contains(side);
        }
        assertThat(configuration).as("Docker's DNS, asked again as replicas come and go")
                .contains("resolver 127.0.0.11");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReplicaCopiesAndFollowsThePrimaryAsARoleThatMayOnlyReplicate() throws IOException {
        Map<String, Object> replica = services.get("postgres-replica");
        assertThat(replica.get("image")).isEqualTo(services.get("postgres").get("image"));
        assertThat((Map<String, Object>) ((Map<String, Object>) replica.get("depends_on")).get("postgres"))
                .containsEntry("condition", "service_healthy");
        String volume = ((List<String>) replica.get("volumes")).get(0).split(":")[0];
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey(volume);

        String standby = Files.readString(ROOT.resolve("docker/postgres-replica/standby.sh"));
        assertThat(standby).contains("pg_basebackup --host=postgres --username=replicator")
                .contains("--write-recovery-conf").contains("exec postgres");
        assertThat((List<String>) replica.get("entrypoint")).containsExactly("bash", "/standby/standby.sh");
        assertThat((List<String>) replica.get("volumes")).contains("./docker/postgres-replica:/standby:ro");
        String role = Files.readString(ROOT.resolve("docker/postgres-init/20-replication-role.sh"));
        assertThat(role).contains("create role replicator login replication nosuperuser")
                .contains("host replication replicator all scram-sha-256");
        assertThat(postgresEnvironment()).containsKey("KPI_LEDGER_REPLICATION_PASSWORD");
        Map<String, Object> querySide = services.get("query-side");
        assertThat((Map<String, Object>) querySide.get("environment"))
                .containsEntry("KPI_LEDGER_READ_REPLICA_URL", "jdbc:postgresql://postgres-replica:5432/kpi_ledger");
        assertThat((Map<String, Object>) ((Map<String, Object>) querySide.get("depends_on")).get("postgres-replica"))
                .containsEntry("condition", "service_healthy");
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
