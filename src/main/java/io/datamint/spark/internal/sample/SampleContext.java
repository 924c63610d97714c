package io.datamint.spark.internal.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every part of the generator shares: the seed-derived ids, the output mirror, and the
 * project's identity.
 */
final class SampleContext {

  /** The sample project's name. */
  static final String PROJECT_NAME = "sample-ct-xray-us";

  static final String ALICE = "alice@example.com";
  static final String BOB = "bob@example.com";

  final SampleIds ids;
  final MirrorWriter out;
  final SampleProfile profile;
  final String projectId;
  final String customerId;

  SampleContext(SampleIds ids, MirrorWriter out, SampleProfile profile) {
    this.ids = ids;
    this.out = out;
    this.profile = profile;
    this.projectId = ids.id("project");
    this.customerId = ids.id("customer");
  }

  /** A new empty JSON object. */
  static ObjectNode object() {
    return MirrorWriter.MAPPER.createObjectNode();
  }

  /** The API's {@code user_info} of a sample user. */
  static ObjectNode userInfo(String email) {
    ObjectNode info = object();
    if (ALICE.equals(email)) {
      info.put("firstname", "Alice").put("lastname", "Moreau");
    } else if (BOB.equals(email)) {
      info.put("firstname", "Bob").put("lastname", "Tanaka");
    } else {
      String[] name = SampleProfile.extraName(email);
      info.put("firstname", name[0]).put("lastname", name[1]);
    }
    return info;
  }
}
