package io.dealledger.invoice.tax;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Country and state names as people type them in CRM, to ISO codes. */
final class Places {

    /** Countries whose tax depends on the state or province. */
    static final Set<String> SUBDIVIDED = Set.of("US", "IN", "CA", "AU");

    private static final Map<String, String> COUNTRIES = new HashMap<>();
    private static final Map<String, String> US_STATES = new HashMap<>();
    private static final Map<String, String> IN_STATES = new HashMap<>();

    static {
        country("US", "US", "USA", "U S", "U S A", "UNITED STATES", "UNITED STATES OF AMERICA", "AMERICA");
        country("GB", "GB", "UK", "U K", "UNITED KINGDOM", "GREAT BRITAIN", "ENGLAND", "SCOTLAND", "WALES",
                "NORTHERN IRELAND", "BRITAIN");
        country("IN", "IN", "IND", "INDIA");
        country("CA", "CA", "CAN", "CANADA");
        country("AU", "AU", "AUS", "AUSTRALIA");
        country("DE", "DE", "DEU", "GERMANY", "DEUTSCHLAND");
        country("FR", "FR", "FRA", "FRANCE");
        country("NL", "NL", "NLD", "NETHERLANDS", "THE NETHERLANDS", "HOLLAND");
        country("IE", "IE", "IRL", "IRELAND");
        country("ES", "ES", "ESP", "SPAIN");
        country("IT", "IT", "ITA", "ITALY");
        country("BE", "BE", "BEL", "BELGIUM");
        country("AT", "AT", "AUT", "AUSTRIA");
        country("SE", "SE", "SWE", "SWEDEN");
        country("DK", "DK", "DNK", "DENMARK");
        country("FI", "FI", "FIN", "FINLAND");
        country("PL", "PL", "POL", "POLAND");
        country("PT", "PT", "PRT", "PORTUGAL");
        country("AE", "AE", "ARE", "UAE", "UNITED ARAB EMIRATES");
        country("SG", "SG", "SGP", "SINGAPORE");
        String[][] states = {
            {"AL", "ALABAMA"}, {"AK", "ALASKA"}, {"AZ", "ARIZONA"}, {"AR", "ARKANSAS"}, {"CA", "CALIFORNIA"},
            {"CO", "COLORADO"}, {"CT", "CONNECTICUT"}, {"DE", "DELAWARE"}, {"DC", "DISTRICT OF COLUMBIA"},
            {"FL", "FLORIDA"}, {"GA", "GEORGIA"}, {"HI", "HAWAII"}, {"ID", "IDAHO"}, {"IL", "ILLINOIS"},
            {"IN", "INDIANA"}, {"IA", "IOWA"}, {"KS", "KANSAS"}, {"KY", "KENTUCKY"}, {"LA", "LOUISIANA"},
            {"ME", "MAINE"}, {"MD", "MARYLAND"}, {"MA", "MASSACHUSETTS"}, {"MI", "MICHIGAN"}, {"MN", "MINNESOTA"},
            {"MS", "MISSISSIPPI"}, {"MO", "MISSOURI"}, {"MT", "MONTANA"}, {"NE", "NEBRASKA"}, {"NV", "NEVADA"},
            {"NH", "NEW HAMPSHIRE"}, {"NJ", "NEW JERSEY"}, {"NM", "NEW MEXICO"}, {"NY", "NEW YORK"},
            {"NC", "NORTH CAROLINA"}, {"ND", "NORTH DAKOTA"}, {"OH", "OHIO"}, {"OK", "OKLAHOMA"}, {"OR", "OREGON"},
            {"PA", "PENNSYLVANIA"}, {"RI", "RHODE ISLAND"}, {"SC", "SOUTH CAROLINA"}, {"SD", "SOUTH DAKOTA"},
            {"TN", "TENNESSEE"}, {"TX", "TEXAS"}, {"UT", "UTAH"}, {"VT", "VERMONT"}, {"VA", "VIRGINIA"},
            {"WA", "WASHINGTON"}, {"WV", "WEST VIRGINIA"}, {"WI", "WISCONSIN"}, {"WY", "WYOMING"},
            {"PR", "PUERTO RICO"}};
        for (String[] state : states) {
            US_STATES.put(state[0], state[0]);
            US_STATES.put(state[1], state[0]);
        }
        String[][] indian = {
            {"KA", "KARNATAKA"}, {"MH", "MAHARASHTRA"}, {"TN", "TAMIL NADU"}, {"DL", "DELHI"}, {"GJ", "GUJARAT"},
            {"TG", "TELANGANA"}, {"KL", "KERALA"}, {"WB", "WEST BENGAL"}, {"UP", "UTTAR PRADESH"},
            {"RJ", "RAJASTHAN"}, {"HR", "HARYANA"}, {"AP", "ANDHRA PRADESH"}, {"PB", "PUNJAB"}};
        for (String[] state : indian) {
            IN_STATES.put(state[0], state[0]);
            IN_STATES.put(state[1], state[0]);
        }
    }

    private Places() {
    }

    private static void country(String code, String... names) {
        for (String name : names) {
            COUNTRIES.put(name, code);
        }
    }

    static String country(String text) {
        return Region.lookup(COUNTRIES, text).orElse(null);
    }

    /** The state code where known; otherwise the cleaned text, so an unmapped region names what CRM holds. */
    static String subdivision(String country, String text) {
        String cleaned = Region.clean(text);
        if (cleaned.isEmpty()) {
            return null;
        }
        Map<String, String> known = switch (country) {
            case "US" -> US_STATES;
            case "IN" -> IN_STATES;
            default -> Map.of();
        };
        return known.getOrDefault(cleaned, cleaned);
    }
}
