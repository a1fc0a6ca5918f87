package dev.hubjobs.emulator;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shared access signatures as the service checks them:
 * {@code SharedAccessSignature sr=<resource>&sig=<signature>&se=<expiry>&skn=<policy>} where the
 * signature is base64(HMAC-SHA256(base64-decoded policy key, sr as received + "\n" + se)),
 * compared in constant time, the expiry in the future and the resource one of this hub's host
 * names. Each policy carries its permissions.
 */
public final class Sas {

    public enum Permission {
        REGISTRY_READ,
        REGISTRY_WRITE,
        SERVICE_CONNECT,
        DEVICE_CONNECT
    }

    /** The hub's shared access policies and their permissions, as a new hub has them. */
    public static final Map<String, Set<Permission>> POLICIES = policies();

    private static final int MAX_HEADER = 4096;

    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final Set<String> hostNames;

    private static Map<String, Set<Permission>> policies() {
        Map<String, Set<Permission>> m = new LinkedHashMap<>();
        m.put("iothubowner", EnumSet.allOf(Permission.class));
        m.put("service", EnumSet.of(Permission.SERVICE_CONNECT));
        m.put("device", EnumSet.of(Permission.DEVICE_CONNECT));
        m.put("registryRead", EnumSet.of(Permission.REGISTRY_READ));
        m.put("registryReadWrite", EnumSet.of(Permission.REGISTRY_READ, Permission.REGISTRY_WRITE));
        return Map.copyOf(m);
    }

    /**
     * @param base64Keys policy name to its key (base64)
     * @param hostNames the names the hub answers to (lower case); the token's {@code sr} must be one of
     *     them, or one of them followed by a path
     */
    public Sas(Map<String, String> base64Keys, Set<String> hostNames) {
        base64Keys.forEach((name, key) -> keys.put(name, Base64.getDecoder().decode(key)));
        this.hostNames = hostNames;
    }

    /**
     * The permissions of a valid token at {@code nowSeconds}.
     *
     * @throws dev.hubjobs.exec.JobServiceException 401 for a missing, malformed, expired or wrongly signed token
     */
    public Set<Permission> verify(String header, long nowSeconds) {
        if (header == null || header.isEmpty()) {
            throw HubErrors.unauthorized("The request has no Authorization header.");
        }
        if (header.length() > MAX_HEADER || !header.startsWith("SharedAccessSignature ")) {
            throw HubErrors.unauthorized("The Authorization header is not a SharedAccessSignature.");
        }
        String sr = null;
        String sig = null;
        String se = null;
        String skn = null;
        for (String pair :
                header.substring("SharedAccessSignature ".length()).trim().split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw HubErrors.unauthorized("Malformed SharedAccessSignature.");
            }
            String k = pair.substring(0, eq);
            String v = pair.substring(eq + 1);
            switch (k) {
                case "sr" -> sr = v;
                case "sig" -> sig = v;
                case "se" -> se = v;
                case "skn" -> skn = v;
                default -> throw HubErrors.unauthorized("Malformed SharedAccessSignature: unknown field.");
            }
        }
        if (sr == null || sig == null || se == null || skn == null) {
            throw HubErrors.unauthorized("Malformed SharedAccessSignature: sr, sig, se and skn are required.");
        }
        long expiry;
        try {
            expiry = Long.parseLong(se);
        } catch (NumberFormatException e) {
            throw HubErrors.unauthorized("Malformed SharedAccessSignature: se is not a number.");
        }
        String policy = decode(skn);
        byte[] key = keys.get(policy);
        if (key == null || !POLICIES.containsKey(policy)) {
            throw HubErrors.unauthorized("Unknown shared access policy.");
        }
        byte[] expected = Base64.getEncoder().encode(hmac(key, sr + "\n" + se));
        byte[] given = decode(sig).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw HubErrors.unauthorized("The SharedAccessSignature is not valid for this hub's key.");
        }
        if (expiry <= nowSeconds) {
            throw HubErrors.unauthorized("The SharedAccessSignature has expired.");
        }
        String resource = decode(sr).toLowerCase(Locale.ROOT);
        int slash = resource.indexOf('/');
        String host = slash < 0 ? resource : resource.substring(0, slash);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
            host = host.substring(0, colon);
        }
        if (!hostNames.contains(host)) {
            throw HubErrors.unauthorized("The SharedAccessSignature is for another hub.");
        }
        return POLICIES.get(policy);
    }

    /** A token for {@code hostName} with {@code policy}'s key, valid until {@code expirySeconds}. */
    public static String token(String hostName, String policy, String base64Key, long expirySeconds) {
        String sr = encode(hostName);
        String sig = Base64.getEncoder()
                .encodeToString(hmac(Base64.getDecoder().decode(base64Key), sr + "\n" + expirySeconds));
        return "SharedAccessSignature sr=" + sr + "&sig=" + encode(sig) + "&se=" + expirySeconds + "&skn=" + policy;
    }

    static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Percent-decoding without the form rule that turns {@code +} into a space (a signature may hold a literal {@code +}). */
    static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HubErrors.unauthorized("Malformed SharedAccessSignature: bad percent-encoding.");
        }
    }
}
