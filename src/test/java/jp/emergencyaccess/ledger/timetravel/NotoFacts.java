package jp.emergencyaccess.ledger.timetravel;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 2024 Noto series as the domain facts state it (../shared/domain/README.md and
 * noto-2024-notices.json), written out by hand so tests compare the ledger against the facts, not
 * against its own output.
 */
public final class NotoFacts {
  private NotoFacts() {}

  public static final String SCOPE_1 = "noto-2024-scope-1";
  public static final String SCOPE_2 = "noto-2024-scope-2";
  public static final String EXT_1 = "noto-2024-ext-1";
  public static final String EXT_2_7 = "noto-2024-ext-2-7";
  public static final String EXT_8 = "noto-2024-ext-8";
  public static final String EXT_9 = "noto-2024-ext-9";
  public static final List<String> REVISIONS =
      List.of(SCOPE_1, SCOPE_2, EXT_1, EXT_2_7, EXT_8, EXT_9);

  public static final String NANAO = "172022";
  public static final String HIMI = "162051";

  /** The 17 Ishikawa municipalities extended by the first extension notice. */
  public static final Set<String> ISHIKAWA_17 =
      Set.of(
          "172014", "172022", "172031", "172049", "172057", "172065", "172073", "172090", "172103",
          "172111", "173614", "173657", "173843", "173860", "174076", "174611", "174637");

  /** 野々市市 and 能美郡川北町, added later (assumed from 2024-01-12). */
  public static final Set<String> ADDED_LATER = Set.of("172120", "173240");

  /** Toyama (besides 氷見市) and Fukui municipalities of the first notice, ended 2024-01-07. */
  public static final Set<String> TOYAMA_FUKUI_OTHERS =
      Set.of(
          "162019", "162027", "162060", "162078", "162086", "162094", "162108", "162116", "163210",
          "163228", "163236", "163431", "182010", "182087", "182109");

  /** Niigata's 14, added by (その2), ended 2024-01-07. */
  public static final Set<String> NIIGATA_14 =
      Set.of(
          "151009", "152021", "152048", "152056", "152099", "152111", "152137", "152161", "152170",
          "152188", "152226", "152242", "152269", "154059");

  public static final Set<String> FIRST_33 = union(ISHIKAWA_17, Set.of(HIMI), TOYAMA_FUKUI_OTHERS);
  public static final Set<String> ALL_47 = union(FIRST_33, NIIGATA_14);
  public static final Set<String> EXTENDED_18 = union(ISHIKAWA_17, Set.of(HIMI));
  public static final Set<String> TWENTY = union(EXTENDED_18, ADDED_LATER);
  public static final Set<String> ISHIKAWA_19 = union(ISHIKAWA_17, ADDED_LATER);
  public static final Set<String> EVERY_CODE = union(ALL_47, ADDED_LATER);

  @SafeVarargs
  public static Set<String> union(Set<String>... sets) {
    return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
  }
}
