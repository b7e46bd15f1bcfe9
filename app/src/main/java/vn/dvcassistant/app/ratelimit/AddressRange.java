package vn.dvcassistant.app.ratelimit;

import io.micronaut.core.annotation.Nullable;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 range in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}; a bare address is /32 or /128). */
record AddressRange(byte[] network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    /** Comma-separated ranges; blank means none. A wrong entry stops the start rather than trusting too much. */
    static List<AddressRange> parseList(@Nullable String list) {
        List<AddressRange> ranges = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return ranges;
        }
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                ranges.add(parse(entry.strip()));
            }
        }
        return ranges;
    }

    static AddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        InetAddress address = parseLiteral(slash < 0 ? cidr : cidr.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("DVC_TRUSTED_PROXIES: not an IP address or CIDR range: " + cidr);
        }
        int bits = address.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DVC_TRUSTED_PROXIES: wrong prefix length in " + cidr, e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("DVC_TRUSTED_PROXIES: wrong prefix length in " + cidr);
        }
        return new AddressRange(address.getAddress(), prefix);
    }

    /** An IP literal, never looked up in the DNS; null for anything else. */
    static @Nullable InetAddress parseLiteral(String text) {
        String literal = text.strip();
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return null;
        }
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
