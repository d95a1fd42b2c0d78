# The app image used by docker-compose.yml; build the jar first with ./mvnw -DskipTests package.
FROM eclipse-temurin:25-jre
WORKDIR /app
COPY target/forumkb.jar /app/forumkb.jar
EXPOSE 8080
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/forumkb.jar"]
