# One image recipe for the four services, built from the Maven artifacts:
#   mvn -B -DskipTests package && docker build -f deploy/service.Dockerfile --build-arg MODULE=gateway -t dealledger/gateway .
# (docker-compose.yml does this for every service.)
FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY ${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT.jar /app/service.jar
COPY deploy/service-entrypoint.sh /app/entrypoint.sh
RUN useradd --system --uid 10001 dealledger && mkdir -p /app/state && chown dealledger /app/state
USER dealledger
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.dealledger.events"
ENTRYPOINT ["/app/entrypoint.sh"]
