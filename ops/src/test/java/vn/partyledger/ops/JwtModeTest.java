package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production authentication: the service as an OAuth2 resource server, grants carried in the token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtModeTest {

    private static final Path DIR = LedgerTestSupport.tempDir();
    private static final KeyPair KEYS = rsa();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) throws Exception {
        Path pem = DIR.resolve("issuer.pub.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("ledger.security.mode", () -> "jwt");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
        registry.add("ledger.embedded-postgres.data-dir", () -> DIR.resolve("pg").toString());
        registry.add("ledger.embedded-postgres.port", LedgerTestSupport::freePort);
        registry.add("ledger.bootstrap.operator-password", () -> LedgerTestSupport.OPERATOR_PASSWORD);
    }

    @Test
    void bearerTokenWithGrantsIsTheOnlyWayIn() throws Exception {
        String token = token("inspector.anh", List.of("OPERATOR"));
        HttpResponse<String> created = post(token, "{\"level\":\"PROVINCE\",\"name\":\"Tỉnh Lai Châu\",\"occurredOn\":\"2010-01-01\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> withoutGrant = post(token("someone", List.of()),
                "{\"level\":\"PROVINCE\",\"name\":\"Tỉnh X\",\"occurredOn\":\"2010-01-01\"}");
        assertThat(withoutGrant.statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = post(null, "{}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        LedgerClient basic = new LedgerClient("http://localhost:" + port, LedgerTestSupport.OPERATOR,
                LedgerTestSupport.OPERATOR_PASSWORD);
        assertThat(basic.get("/api/v1/organizations").status()).as("HTTP Basic is off in jwt mode").isEqualTo(401);

        String genuine = token("inspector.anh", List.of("OPERATOR"));
        int at = genuine.lastIndexOf('.') + 10;
        char flipped = genuine.charAt(at) == 'A' ? 'B' : 'A';
        HttpResponse<String> forged = post(genuine.substring(0, at) + flipped + genuine.substring(at + 1), "{}");
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void theActorIsTheTokensIssuerAndSubjectNeverItsDisplayName() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://idp.example").subject("c0ffee-42")
                .claim("preferred_username", "operator").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("ledger_grants", List.of("OPERATOR"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        HttpResponse<String> created = post(jwt.serialize(),
                "{\"level\":\"PROVINCE\",\"name\":\"Tỉnh Điện Biên\",\"occurredOn\":\"2010-01-01\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = LedgerClient.JSON.readTree(created.body()).path("id").asText();
        byte[] metadata = jdbc.queryForObject(
                "SELECT metadata FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                byte[].class, id);
        JsonNode actor = LedgerClient.JSON.readTree(metadata).path("actor");
        assertThat(actor.path("userId").asText()).isEqualTo("https://idp.example#c0ffee-42");
        assertThat(actor.toString()).doesNotContain("\"operator\"");
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organizations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String subject, List<String> grants) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("ledger_grants", grants).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
