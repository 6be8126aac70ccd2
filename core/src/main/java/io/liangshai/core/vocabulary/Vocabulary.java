package io.liangshai.core.vocabulary;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.Normalisation;
import io.liangshai.core.record.CaseField;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.Satisfaction;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.warning.DeadlineState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Chinese term a user sees, from one resource ({@value #RESOURCE}): the labels of channels,
 * categories, statuses, escalation levels, satisfaction, fields, indicators, levels and peer
 * groups, and the template of each {@link ErrorCode}. The XLSX template, the bulletins and the web
 * page (which loads the same file from the server) all read it, so a term is written once.
 *
 * <p>The resource is a JSON object of sections ({@code "channel"}, {@code "error"} …), each an
 * object from wire name to term, in display order.
 */
public final class Vocabulary {

  /** The classpath resource holding the vocabulary. */
  public static final String RESOURCE = "/io/liangshai/core/vocabulary/zh-CN.json";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Map<Class<?>, String> SECTIONS =
      Map.of(
          Channel.class, "channel",
          Category.class, "category",
          CaseStatus.class, "status",
          EscalationLevel.class, "escalation_level",
          Satisfaction.class, "satisfaction",
          CaseField.class, "field",
          Direction.class, "direction",
          Normalisation.class, "normalisation",
          DeadlineState.class, "deadline_state");
  private static final byte[] BYTES = read();
  private static final Map<String, Map<String, String>> TERMS = parse(BYTES);

  private Vocabulary() {}

  /** The resource as it is stored, for the web page ({@code GET /vocabulary.json}). */
  public static byte[] json() {
    return BYTES.clone();
  }

  /**
   * The terms of a section, wire name to term, in display order.
   *
   * @throws IllegalArgumentException when there is no such section
   */
  public static Map<String, String> section(String section) {
    Map<String, String> terms = TERMS.get(section);
    if (terms == null) {
      throw new IllegalArgumentException(
          "no section \"" + section + "\" in " + RESOURCE + "; sections: " + TERMS.keySet());
    }
    return terms;
  }

  /**
   * The term for {@code key} in {@code section}.
   *
   * @throws IllegalArgumentException naming the section and key when there is none
   */
  public static String term(String section, String key) {
    String term = section(section).get(key);
    if (term == null) {
      throw new IllegalArgumentException(
          "no term for \"" + key + "\" in section \"" + section + "\" of " + RESOURCE);
    }
    return term;
  }

  /**
   * The label of a wire-named constant: a channel, category, status, level, satisfaction, field.
   */
  public static <E extends Enum<E> & WireNamed> String label(E value) {
    String section = SECTIONS.get(value.getDeclaringClass());
    if (section == null) {
      throw new IllegalArgumentException(value.getDeclaringClass() + " has no vocabulary section");
    }
    return term(section, value.wireName());
  }

  /** 办结率, 受理量 …: the name of an indicator. */
  public static String indicator(Indicator indicator) {
    return term("indicator", indicator.wireName());
  }

  /** The Chinese template of {@code code}, with {@code {name}} placeholders. */
  public static String template(ErrorCode code) {
    return term("error", code.wireName());
  }

  /**
   * The Chinese text of a problem: its code's template with each placeholder replaced by the
   * parameter of that name (a placeholder without a parameter stays as it is).
   */
  public static String text(ErrorCode code, Map<String, String> params) {
    Matcher m = PLACEHOLDER.matcher(template(code));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = params.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The Chinese text of a row error. */
  public static String text(FieldError error) {
    return text(error.code(), error.params());
  }

  private static byte[] read() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  private static Map<String, Map<String, String>> parse(byte[] bytes) {
    try {
      Map<String, LinkedHashMap<String, String>> sections =
          new ObjectMapper()
              .readValue(
                  bytes,
                  new TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>>() {});
      Map<String, Map<String, String>> terms = new LinkedHashMap<>();
      sections.forEach((name, section) -> terms.put(name, Collections.unmodifiableMap(section)));
      return Collections.unmodifiableMap(terms);
    } catch (IOException e) {
      throw new UncheckedIOException("parsing " + RESOURCE, e);
    }
  }
}
