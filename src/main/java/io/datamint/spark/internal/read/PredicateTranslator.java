package io.datamint.spark.internal.read;

import io.datamint.spark.internal.schema.ResourceAttribute;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Translates Spark's V2 predicates on the resource attribute columns ({@code resource_id}, {@code
 * filename}, {@code modality}, {@code mimetype}, {@code patient_id}, ...) into {@link
 * ResourcePredicate}s evaluated exactly as Spark would (binary string comparison, SQL null
 * semantics). Supported: {@code = <> <=> < <= > >= IN IS_NULL IS_NOT_NULL STARTS_WITH ENDS_WITH
 * CONTAINS AND OR NOT ALWAYS_TRUE ALWAYS_FALSE}. Anything else is left to Spark.
 */
final class PredicateTranslator {

  private PredicateTranslator() {}

  /** The equivalent resource predicate, or null when it cannot be evaluated exactly here. */
  static ResourcePredicate translate(Predicate predicate) {
    Expression[] c = predicate.children();
    switch (predicate.name()) {
      case "ALWAYS_TRUE":
        return r -> true;
      case "ALWAYS_FALSE":
        return r -> false;
      case "AND":
        {
          ResourcePredicate left = translate((Predicate) c[0]);
          ResourcePredicate right = translate((Predicate) c[1]);
          return left == null || right == null
              ? null
              : r -> ResourcePredicate.and(left.test(r), right.test(r));
        }
      case "OR":
        {
          ResourcePredicate left = translate((Predicate) c[0]);
          ResourcePredicate right = translate((Predicate) c[1]);
          return left == null || right == null
              ? null
              : r -> ResourcePredicate.or(left.test(r), right.test(r));
        }
      case "NOT":
        {
          ResourcePredicate inner = translate((Predicate) c[0]);
          return inner == null ? null : r -> ResourcePredicate.not(inner.test(r));
        }
      case "IS_NULL":
        {
          ResourceAttribute a = attribute(c[0]);
          return a == null ? null : r -> a.of(r) == null;
        }
      case "IS_NOT_NULL":
        {
          ResourceAttribute a = attribute(c[0]);
          return a == null ? null : r -> a.of(r) != null;
        }
      case "IN":
        return in(c);
      case "=":
      case "<>":
      case "<=>":
      case "<":
      case "<=":
      case ">":
      case ">=":
      case "STARTS_WITH":
      case "ENDS_WITH":
      case "CONTAINS":
        return binary(predicate.name(), c);
      default:
        return null;
    }
  }

  private static ResourcePredicate in(Expression[] c) {
    ResourceAttribute a = attribute(c[0]);
    if (a == null) {
      return null;
    }
    List<UTF8String> values = new ArrayList<>();
    boolean hasNull = false;
    for (int i = 1; i < c.length; i++) {
      if (!isStringLiteral(c[i])) {
        return null;
      }
      UTF8String v = (UTF8String) ((Literal<?>) c[i]).value();
      if (v == null) {
        hasNull = true;
      } else {
        values.add(v);
      }
    }
    boolean listHasNull = hasNull;
    return r -> {
      String value = a.of(r);
      if (value == null) {
        return null;
      }
      if (values.contains(UTF8String.fromString(value))) {
        return true;
      }
      return listHasNull ? null : false;
    };
  }

  private static ResourcePredicate binary(String op, Expression[] c) {
    boolean flipped = false;
    ResourceAttribute a = attribute(c[0]);
    Expression other = c[1];
    if (a == null) {
      a = attribute(c[1]);
      other = c[0];
      flipped = true;
    }
    if (a == null || !isStringLiteral(other)) {
      return null;
    }
    if (flipped && (op.equals("STARTS_WITH") || op.equals("ENDS_WITH") || op.equals("CONTAINS"))) {
      return null;
    }
    String operator = flipped ? flip(op) : op;
    UTF8String literal = (UTF8String) ((Literal<?>) other).value();
    ResourceAttribute attribute = a;
    return r -> compare(operator, attribute.of(r), literal);
  }

  private static Boolean compare(String op, String column, UTF8String literal) {
    if (op.equals("<=>")) {
      return column == null
          ? literal == null
          : literal != null && UTF8String.fromString(column).equals(literal);
    }
    if (column == null || literal == null) {
      return null;
    }
    UTF8String value = UTF8String.fromString(column);
    return switch (op) {
      case "=" -> value.equals(literal);
      case "<>" -> !value.equals(literal);
      case "<" -> value.compareTo(literal) < 0;
      case "<=" -> value.compareTo(literal) <= 0;
      case ">" -> value.compareTo(literal) > 0;
      case ">=" -> value.compareTo(literal) >= 0;
      case "STARTS_WITH" -> value.startsWith(literal);
      case "ENDS_WITH" -> value.endsWith(literal);
      case "CONTAINS" -> value.contains(literal);
      default -> throw new IllegalStateException("unexpected operator " + op);
    };
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private static ResourceAttribute attribute(Expression e) {
    if (!(e instanceof NamedReference ref) || ref.fieldNames().length != 1) {
      return null;
    }
    return ResourceAttribute.forColumn(ref.fieldNames()[0]);
  }

  private static boolean isStringLiteral(Expression e) {
    return e instanceof Literal<?> literal && literal.dataType().equals(DataTypes.StringType);
  }
}
