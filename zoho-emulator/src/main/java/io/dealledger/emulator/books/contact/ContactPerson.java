package io.dealledger.emulator.books.contact;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dealledger.emulator.json.JsonBody;

/** A person at a customer; the primary one is the contact's e-mail and receives what Books sends. */
record ContactPerson(String contactPersonId, String salutation, String firstName, String lastName, String email,
        String phone, String mobile, boolean primary) {

    static ContactPerson from(String contactPersonId, JsonBody body, boolean primary) {
        return new ContactPerson(contactPersonId, body.string("salutation", ""), body.string("first_name", ""),
                body.string("last_name", ""), body.string("email", ""), body.string("phone", ""),
                body.string("mobile", ""), primary);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("contact_person_id", contactPersonId);
        json.put("salutation", salutation);
        json.put("first_name", firstName);
        json.put("last_name", lastName);
        json.put("email", email);
        json.put("phone", phone);
        json.put("mobile", mobile);
        json.put("is_primary_contact", primary);
        Map<String, Object> preference = new LinkedHashMap<>();
        preference.put("is_sms_enabled", false);
        preference.put("is_whatsapp_enabled", false);
        json.put("communication_preference", preference);
        return json;
    }
}
