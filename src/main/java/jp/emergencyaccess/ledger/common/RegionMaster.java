package jp.emergencyaccess.ledger.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The municipality master: the region codes the ledger accepts, with their names. A code with a
 * valid check digit that names no municipality or prefecture here (179990) is refused, so that an
 * activation cannot cover a region that does not exist. Read from CSV files of the shape of {@code
 * regions/municipalities.csv} ({@code code,code5,prefecture,name,level}, a header line);
 * docs/activation.md says how the master is updated.
 */
public final class RegionMaster {
  public static final String SHIPPED = "/regions/municipalities.csv";
  private final Map<String, String> names;

  private RegionMaster(Map<String, String> names) {
    this.names = Map.copyOf(names);
  }

  /** The master the ledger ships. */
  public static RegionMaster shipped() {
    return read(List.of(RegionMaster.class.getResourceAsStream(SHIPPED)));
  }

  /** The union of the given CSV files, in order (a later file may rename a code). */
  public static RegionMaster read(List<InputStream> files) {
    Map<String, String> names = new HashMap<>();
    for (InputStream in : files) {
      try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        reader.readLine();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          String[] cells = line.split(",");
          RegionCode code = RegionCode.parse("regions master", cells[0].strip());
          names.put(code.value(), cells[3].strip());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new RegionMaster(names);
  }

  public Optional<String> nameOf(String regionCode) {
    return Optional.ofNullable(names.get(regionCode));
  }

  /** A well-formed code of a municipality or prefecture in the master, else refused. */
  public RegionCode require(String field, String value) {
    RegionCode code = RegionCode.parse(field, value);
    if (!names.containsKey(code.value())) {
      throw new InvalidField(
          field, "names no municipality or prefecture in the municipality master");
    }
    return code;
  }

  public int size() {
    return names.size();
  }
}
