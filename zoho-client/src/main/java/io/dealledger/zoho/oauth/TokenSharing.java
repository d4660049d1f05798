package io.dealledger.zoho.oauth;

import java.time.Instant;
import java.util.Set;

/**
 * The access tokens of the whole deployment. Zoho's limit of ten access tokens per refresh token in ten minutes
 * (zoho-api.md §1.3) is the deployment's, not one process's: every instance of every service refreshes with the same
 * refresh token, so eight instances restarting twice in ten minutes would lock every one of them out of Zoho for
 * the rest of the window. With a sharing, an instance takes the token another one minted while it is valid, and
 * counts the tokens the others minted against the limit.
 */
public interface TokenSharing {

    /** A token as Zoho minted it. */
    record SharedToken(String value, Instant mintedAt, Instant expiresAt, Set<String> scopes) {

        public SharedToken {
            scopes = Set.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "SharedToken[minted " + mintedAt + ", expires " + expiresAt + "]"; // never the token itself
        }
    }

    /** The newest token minted by any instance that is valid after {@code until}; null when there is none. */
    SharedToken validAfter(Instant until);

    /** How many tokens the other instances minted at or after {@code since}. */
    int mintedByOthersSince(Instant since);

    /** Tells the other instances about a token this one just minted. */
    void minted(SharedToken token);

    /** One process alone: it mints its own tokens and counts only those. */
    static TokenSharing alone() {
        return new TokenSharing() {
            @Override
            public SharedToken validAfter(Instant until) {
                return null;
            }

            @Override
            public int mintedByOthersSince(Instant since) {
                return 0;
            }

            @Override
            public void minted(SharedToken token) {
                // nobody to tell
            }
        };
    }
}
