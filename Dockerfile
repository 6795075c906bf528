# Build: Maven with JDK 17. Dependencies first, so a source change does not download them again.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -ntp dependency:go-offline
COPY src src
RUN mvn -B -q -ntp -DskipTests package

# Run: a JRE, a non-root user, the database on the /data volume.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin earshot \
    && mkdir -p /data/tmp /etc/earshot && chown -R earshot /data
COPY --from=build /src/target/earshot.jar /opt/earshot/earshot.jar
COPY config.example.yml /etc/earshot/config.yml
COPY scripts/jvm.options /opt/earshot/jvm.options
# Class data sharing (AppCDS): one training start of the image's own jar (the demo, on a throw-away
# folder, standard input closed so it stops at once) records the classes Earshot loads; every start
# of the container maps them instead of loading them again (docs/BENCHMARKS.md has the figures).
RUN mkdir /tmp/cds \
    && java @/opt/earshot/jvm.options -XX:ArchiveClassesAtExit=/opt/earshot/earshot.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
       -Dorg.sqlite.tmpdir=/tmp/cds -jar /opt/earshot/earshot.jar demo --data /tmp/cds \
       < /dev/null > /dev/null \
    && rm -rf /tmp/cds && test -s /opt/earshot/earshot.jsa
# The working directory is /, so the default store path ./data/earshot.db lands on the volume.
WORKDIR /
VOLUME /data
# The JVM options are scripts/jvm.options (a small heap to start, the serial collector; why is
# there); MALLOC_ARENA_MAX=2 keeps glibc from giving each busy thread its own 64 MB malloc arena.
# SQLite unpacks its native library on the volume, not in a read-only /tmp.
ENV JAVA_TOOL_OPTIONS="-XX:SharedArchiveFile=/opt/earshot/earshot.jsa -XX:MaxRAMPercentage=75 -Dorg.sqlite.tmpdir=/data/tmp" \
    MALLOC_ARENA_MAX=2
USER earshot
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["java", "@/opt/earshot/jvm.options", "-jar", "/opt/earshot/earshot.jar"]
CMD ["run", "--config", "/etc/earshot/config.yml"]
