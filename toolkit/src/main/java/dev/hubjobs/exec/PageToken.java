package dev.hubjobs.exec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The continuation token of {@code GET /jobs/v2/query}: where the next page starts, bound to the
 * query's filter so that a token cannot be replayed against another query. Opaque to clients.
 */
final class PageToken {

    private PageToken() {}

    static String encode(int position, String filter) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:" + position + ":" + filter).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token of this filter stands for, at most {@code size}. */
    static int decode(String token, String filter, int size) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = text.split(":", 3);
            if (parts.length == 3 && parts[0].equals("v1") && parts[2].equals(filter)) {
                int position = Integer.parseInt(parts[1]);
                if (position >= 0 && position <= size) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through: not a token of ours
        }
        throw new JobServiceException(
                ServiceError.argumentInvalid("the continuation token is not valid for this query"));
    }
}
