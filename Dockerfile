# Builds one side of kpi-ledger into its own image: docker build --build-arg MODULE=command-side .
FROM maven:3.9.11-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN mvn -B -q -pl "${MODULE}" -am package -DskipTests

FROM eclipse-temurin:17.0.16_8-jre
ARG MODULE
RUN useradd --system --uid 10001 ledger && mkdir -p /var/lib/kpi-ledger && chown ledger /var/lib/kpi-ledger
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar
USER ledger
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
