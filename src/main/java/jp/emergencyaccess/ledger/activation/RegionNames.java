package jp.emergencyaccess.ledger.activation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Names of the municipalities and prefectures the ledger ships (regions/municipalities.csv). */
@Component
public class RegionNames {
  private final Map<String, String> names = new HashMap<>();

  public RegionNames() {
    var in = RegionNames.class.getResourceAsStream("/regions/municipalities.csv");
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",");
        names.put(cells[0], cells[3]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<String> nameOf(String regionCode) {
    return Optional.ofNullable(names.get(regionCode));
  }
}
