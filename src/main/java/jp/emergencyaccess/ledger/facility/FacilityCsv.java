package jp.emergencyaccess.ledger.facility;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: comma-separated, optional double quotes, "" for a quote inside quotes, CRLF
 * or LF) into records of cells, each with its line number. A leading byte-order mark and blank
 * lines are skipped. Quoted cells may not span lines (no field of a facility holds a line break).
 */
final class FacilityCsv {
  record Line(int number, List<String> cells) {}

  private FacilityCsv() {}

  static List<Line> read(Reader source) throws IOException {
    BufferedReader reader = new BufferedReader(source, 1 << 16);
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String text = reader.readLine(); text != null; text = reader.readLine()) {
      number++;
      if (number == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        continue;
      }
      lines.add(new Line(number, cells(text, number)));
    }
    return lines;
  }

  private static List<String> cells(String text, int number) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + number + ": a quoted cell is not closed");
    }
    cells.add(cell.toString());
    return cells;
  }
}
