package forumkb.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Where URL ingest may connect: public addresses only, so a URL (or a redirect, or a host
 * name that resolves differently the second time) cannot make the server read its own
 * loopback, the cloud metadata service or the intranet and publish the answer as a
 * thread. As the HTTP client's resolver it checks every address a name resolves to, and
 * the client connects to exactly the addresses it returned. {@code allowed} lists host
 * names (exact) and addresses or CIDR ranges an intranet forum may be fetched from.
 */
final class FetchAddresses implements DnsResolver {

	/** An address or range, as opposed to a host name. */
	private static final Pattern LITERAL = Pattern.compile("[0-9.]+(/\\d+)?|.*:.*");

	/**
	 * Ranges that are not the public internet beyond what {@link InetAddress}'s own tests
	 * cover.
	 */
	private static final List<Cidr> NOT_PUBLIC = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
			Cidr.parse("192.0.0.0/24"), Cidr.parse("198.18.0.0/15"), Cidr.parse("240.0.0.0/4"), Cidr.parse("fc00::/7"),
			Cidr.parse("2001:db8::/32"));

	/** NAT64 (64:ff9b::/96) reaches the IPv4 address in its last four bytes. */
	private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

	private final Set<String> allowedNames = new HashSet<>();

	private final List<Cidr> allowedRanges = new ArrayList<>();

	/**
	 * {@code allowed}: comma-separated host names, addresses and CIDR ranges; empty for
	 * none.
	 */
	FetchAddresses(String allowed) {
		for (String entry : allowed.split(",")) {
			String value = entry.strip().toLowerCase(Locale.ROOT);
			if (value.isEmpty()) {
				continue;
			}
			if (LITERAL.matcher(value).matches()) {
				allowedRanges.add(Cidr.parse(value));
			}
			else {
				allowedNames.add(value);
			}
		}
	}

	/** Thrown when a host is, or resolves to, an address ingest may not fetch from. */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String host) {
			super(host + " is not a public address");
		}

	}

	/**
	 * Every address of {@code host}; refused if any of them is not public and not
	 * allowed.
	 */
	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String name = unbracketed(host);
		InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(name);
		if (!allowedNames.contains(name.toLowerCase(Locale.ROOT))) {
			for (InetAddress address : addresses) {
				if (!isPublic(address) && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
					throw new RefusedAddressException(host);
				}
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(unbracketed(host));
	}

	private static String unbracketed(String host) {
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	static boolean isPublic(InetAddress address) {
		InetAddress checked = embeddedIpv4(address);
		return !(checked.isAnyLocalAddress() || checked.isLoopbackAddress() || checked.isLinkLocalAddress()
				|| checked.isSiteLocalAddress() || checked.isMulticastAddress()
				|| NOT_PUBLIC.stream().anyMatch(range -> range.contains(checked))
				|| checked instanceof Inet4Address && checked.getAddress()[0] == (byte) 255);
	}

	/**
	 * The IPv4 address an IPv4-compatible (::a.b.c.d) or NAT64 IPv6 address reaches, else
	 * the address.
	 */
	private static InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] bytes = address.getAddress();
		boolean compatible = Arrays.equals(bytes, 0, 12, new byte[12], 0, 12) && !address.isAnyLocalAddress()
				&& !address.isLoopbackAddress();
		if (!compatible && !NAT64.contains(address)) {
			return address;
		}
		try {
			return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException("four bytes are an IPv4 address", e);
		}
	}

	/** An address range: the first {@code bits} bits of {@code network}. */
	record Cidr(byte[] network, int bits) {

		static Cidr parse(String value) {
			int slash = value.indexOf('/');
			String literal = slash < 0 ? value : value.substring(0, slash);
			if (!LITERAL.matcher(literal).matches()) {
				throw new IllegalArgumentException("not an IP address or CIDR range: " + value);
			}
			try {
				byte[] network = InetAddress.getByName(literal).getAddress();
				int bits = slash < 0 ? network.length * 8 : Integer.parseInt(value.substring(slash + 1));
				if (bits < 0 || bits > network.length * 8) {
					throw new IllegalArgumentException("not a CIDR range: " + value);
				}
				return new Cidr(network, bits);
			}
			catch (UnknownHostException | NumberFormatException e) {
				throw new IllegalArgumentException("not an IP address or CIDR range: " + value, e);
			}
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < bits; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}

}
