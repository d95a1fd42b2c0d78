# The app image used by docker-compose.yml; build the jar first with ./mvnw -DskipTests package.
# The jar carries one platform's native libraries: on a Mac, build it for the container's Linux,
# e.g. ./mvnw -DskipTests package -P 'linux-arm64v8,!darwin-arm64v8' on Apple silicon.
FROM eclipse-temurin:25-jre
WORKDIR /app
COPY app/target/forumkb.jar /app/forumkb.jar
EXPOSE 8080
# The same JVM flags as spring-boot:run (forumkb.jvm-arguments in app/pom.xml).
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/forumkb.jar"]
