package io.liangshai.core.record;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The wire names of each {@link WireNamed} enum, computed once per enum: the lower-case names by
 * ordinal, and the constants by their (perhaps overridden) wire name.
 */
final class WireNames {

  private WireNames() {}

  /** Each constant's name in lower case, at its ordinal. */
  static final ClassValue<String[]> LOWER_CASE =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          Object[] constants = type.getEnumConstants();
          String[] names = new String[constants.length];
          for (int i = 0; i < constants.length; i++) {
            names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
          }
          return names;
        }
      };

  /** The constants by {@link WireNamed#wireName}. */
  static final ClassValue<Map<String, Object>> BY_WIRE_NAME =
      new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
          Map<String, Object> byName = new HashMap<>();
          for (Object constant : type.getEnumConstants()) {
            Object previous = byName.putIfAbsent(((WireNamed) constant).wireName(), constant);
            if (previous != null) {
              throw new IllegalStateException(
                  type.getName()
                      + ": two constants travel as "
                      + ((WireNamed) constant).wireName());
            }
          }
          return Map.copyOf(byName);
        }
      };
}
