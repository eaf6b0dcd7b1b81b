package jp.emergencyaccess.ledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints figures as a table and writes them as JSON, with the machine they came from. */
public final class Report {
  private final List<Figure> figures = new ArrayList<>();
  private final Map<String, Object> setup = new LinkedHashMap<>();
  private final Map<String, String> notMeasured = new LinkedHashMap<>();

  public Report setup(String key, Object value) {
    setup.put(key, value);
    return this;
  }

  public Report add(Figure figure) {
    figures.add(figure);
    return this;
  }

  /** A figure that could not be measured, and why: reported as such, never invented. */
  public Report notMeasured(String name, String why) {
    notMeasured.put(name, why);
    return this;
  }

  public Map<String, String> notMeasured() {
    return Map.copyOf(notMeasured);
  }

  public List<Figure> figures() {
    return List.copyOf(figures);
  }

  public void print(PrintStream out) {
    out.println();
    setup.forEach((k, v) -> out.println(k + ": " + v));
    out.printf("%-62s %12s %12s %12s  %s%n", "figure", "median", "min", "max", "unit");
    for (Figure f : figures) {
      out.printf(
          "%-62s %12.1f %12.1f %12.1f  %s%n", f.name(), f.median(), f.min(), f.max(), f.unit());
    }
    notMeasured.forEach((name, why) -> out.printf("%-62s not measured (%s)%n", name, why));
  }

  public void write(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("setup", setup);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Figure f : figures) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", f.name());
      row.put("unit", f.unit());
      row.put("median", f.median());
      row.put("min", f.min());
      row.put("max", f.max());
      row.put("runs", f.runs());
      rows.add(row);
    }
    json.put("figures", rows);
    json.put("notMeasured", notMeasured);
    Files.createDirectories(file.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }
}
