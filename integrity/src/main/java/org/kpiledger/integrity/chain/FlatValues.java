package org.kpiledger.integrity.chain;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat form of the ledger's events in exports and hashes: a record's components by name (never derived
 * properties), a record of one component as that component's value ({@code "kpiId": "1-1-1-01"},
 * {@code "fiscalYear": 2015}), decimals as strings ({@code "12.5"}, exact), enums by name, instants in ISO-8601.
 * {@link #read} turns the flat form back into the records.
 */
public final class FlatValues {

    private FlatValues() {
    }

    public static Object flatten(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Collection<?> collection) {
            List<Object> flat = new ArrayList<>(collection.size());
            collection.forEach(element -> flat.add(flatten(element)));
            return flat;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> flat = new LinkedHashMap<>();
            map.forEach((key, element) -> flat.put(key.toString(), flatten(element)));
            return flat;
        }
        if (value instanceof Record record) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            if (components.length == 1) {
                return flatten(component(components[0], record));
            }
            Map<String, Object> flat = new LinkedHashMap<>();
            for (RecordComponent component : components) {
                flat.put(component.getName(), flatten(component(component, record)));
            }
            return flat;
        }
        throw new IllegalArgumentException("No flat form for " + value.getClass().getName());
    }

    /** The value of the given type whose flat form is {@code flat} (maps, lists, strings, numbers as parsed). */
    public static Object read(Object flat, Type type) {
        if (flat == null) {
            return null;
        }
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == String.class || raw == Boolean.class || raw == boolean.class) {
            return raw == String.class ? (String) flat : (Boolean) flat;
        }
        if (raw == int.class || raw == Integer.class) {
            return Math.toIntExact(((Number) flat).longValue());
        }
        if (raw == long.class || raw == Long.class) {
            return ((Number) flat).longValue();
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal((String) flat);
        }
        if (raw == Instant.class) {
            return Instant.parse((String) flat);
        }
        if (raw.isEnum()) {
            return enumConstant(raw, (String) flat);
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (Object item : (List<?>) flat) {
                list.add(read(item, element));
            }
            return List.copyOf(list);
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] arguments = new Object[components.length];
            if (components.length == 1) {
                arguments[0] = read(flat, components[0].getGenericType());
            } else {
                Map<?, ?> fields = (Map<?, ?>) flat;
                for (int i = 0; i < components.length; i++) {
                    arguments[i] = read(fields.get(components[i].getName()), components[i].getGenericType());
                }
            }
            return construct(raw, components, arguments);
        }
        throw new IllegalArgumentException("Cannot read a " + raw.getName() + " from its flat form");
    }

    private static Object component(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] arguments) {
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
