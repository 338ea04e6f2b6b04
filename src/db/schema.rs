//! The portable diesel schema, written to match `migrations/` (both backends).
//! `Uuid` and `UtcTimestamp` are the custom types of `sql_types`; all others are portable.
//! Keep it in step with every new migration.

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    customers (id) {
        id -> Uuid,
        name -> Text,
        dob -> Nullable<Date>,
        membership_number -> Nullable<Text>,
        membership_card_type -> Text,
        membership_valid_until -> Nullable<Date>,
        id_scan_hash -> Nullable<Text>,
        id_number_hash -> Nullable<Text>,
        id_expires_on -> Nullable<Date>,
        id_state -> Nullable<Text>,
        primary_language -> Nullable<Text>,
        banned_until -> Nullable<UtcTimestamp>,
        past_due_cents -> BigInt,
        notes -> Text,
        created_at -> UtcTimestamp,
        updated_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    lanes (id) {
        id -> Text,
        name -> Text,
        active -> Bool,
        rev -> BigInt,
        created_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    staff (id) {
        id -> Uuid,
        login -> Text,
        display_name -> Text,
        role -> Text,
        pin_hash -> Text,
        active -> Bool,
        created_at -> UtcTimestamp,
        updated_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    staff_sessions (id) {
        id -> Uuid,
        staff_id -> Uuid,
        token_sha256 -> Text,
        created_at -> UtcTimestamp,
        expires_at -> UtcTimestamp,
        last_seen_at -> UtcTimestamp,
        step_up_at -> Nullable<UtcTimestamp>,
        revoked_at -> Nullable<UtcTimestamp>,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    devices (id) {
        id -> Uuid,
        lane_id -> Text,
        name -> Text,
        token_sha256 -> Text,
        paired_by_staff_id -> Uuid,
        paired_at -> UtcTimestamp,
        last_seen_at -> Nullable<UtcTimestamp>,
        revoked_at -> Nullable<UtcTimestamp>,
        revoked_by_staff_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    device_pairing_codes (id) {
        id -> Uuid,
        lane_id -> Text,
        code_sha256 -> Text,
        created_by_staff_id -> Uuid,
        created_at -> UtcTimestamp,
        expires_at -> UtcTimestamp,
        redeemed_at -> Nullable<UtcTimestamp>,
        device_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    register_sessions (id) {
        id -> Uuid,
        lane_id -> Text,
        staff_id -> Uuid,
        staff_session_id -> Uuid,
        register_device_key -> Text,
        started_at -> UtcTimestamp,
        ended_at -> Nullable<UtcTimestamp>,
        ended_by_staff_id -> Nullable<Uuid>,
        end_reason -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    rooms (id) {
        id -> Uuid,
        number -> Text,
        #[sql_name = "type"]
        type_ -> Text,
        status -> Text,
        assigned_to_customer_id -> Nullable<Uuid>,
        current_block_id -> Nullable<Uuid>,
        override_flag -> Bool,
        last_status_change -> UtcTimestamp,
        version -> BigInt,
        created_at -> UtcTimestamp,
        updated_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    lockers (id) {
        id -> Uuid,
        number -> Text,
        status -> Text,
        assigned_to_customer_id -> Nullable<Uuid>,
        current_block_id -> Nullable<Uuid>,
        override_flag -> Bool,
        last_status_change -> UtcTimestamp,
        version -> BigInt,
        created_at -> UtcTimestamp,
        updated_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    visits (id) {
        id -> Uuid,
        customer_id -> Uuid,
        started_at -> UtcTimestamp,
        ended_at -> Nullable<UtcTimestamp>,
        created_at -> UtcTimestamp,
        updated_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    waitlist (id) {
        id -> Uuid,
        visit_id -> Uuid,
        checkin_block_id -> Uuid,
        desired_tier -> Text,
        backup_tier -> Text,
        status -> Text,
        room_id -> Nullable<Uuid>,
        offer_expires_at -> Nullable<UtcTimestamp>,
        last_offered_at -> Nullable<UtcTimestamp>,
        offer_attempts -> Integer,
        cancel_reason -> Nullable<Text>,
        ended_at -> Nullable<UtcTimestamp>,
        version -> BigInt,
        created_at -> UtcTimestamp,
        updated_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    inventory_holds (id) {
        id -> Uuid,
        resource_type -> Text,
        resource_id -> Uuid,
        kind -> Text,
        lane_session_id -> Nullable<Uuid>,
        waitlist_id -> Nullable<Uuid>,
        created_at -> UtcTimestamp,
        expires_at -> Nullable<UtcTimestamp>,
        released_at -> Nullable<UtcTimestamp>,
        release_reason -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    lane_sessions (id) {
        id -> Uuid,
        lane_id -> Text,
        status -> Text,
        version -> BigInt,
        mode -> Text,
        staff_id -> Nullable<Uuid>,
        customer_id -> Nullable<Uuid>,
        visit_id -> Nullable<Uuid>,
        renewal_hours -> Nullable<Integer>,
        language -> Nullable<Text>,
        membership_choice -> Nullable<Text>,
        proposed_rental_type -> Nullable<Text>,
        proposed_by -> Nullable<Text>,
        selection_confirmed -> Bool,
        selection_confirmed_by -> Nullable<Text>,
        selection_locked_at -> Nullable<UtcTimestamp>,
        desired_rental_type -> Nullable<Text>,
        waitlist_desired_type -> Nullable<Text>,
        backup_rental_type -> Nullable<Text>,
        hold_id -> Nullable<Uuid>,
        price_quote_json -> Nullable<Text>,
        disclaimers_ack_json -> Nullable<Text>,
        payment_intent_id -> Nullable<Uuid>,
        agreement_signature_id -> Nullable<Uuid>,
        kiosk_acknowledged_at -> Nullable<UtcTimestamp>,
        past_due_bypassed_at -> Nullable<UtcTimestamp>,
        past_due_bypassed_by -> Nullable<Uuid>,
        last_decline_reason -> Nullable<Text>,
        last_decline_at -> Nullable<UtcTimestamp>,
        last_activity_at -> UtcTimestamp,
        cancel_reason -> Nullable<Text>,
        completed_at -> Nullable<UtcTimestamp>,
        closed_at -> Nullable<UtcTimestamp>,
        created_at -> UtcTimestamp,
        updated_at -> UtcTimestamp,
        agreement_id -> Nullable<Uuid>,
        agreement_shown_at -> Nullable<UtcTimestamp>,
        addons_json -> Nullable<Text>,
        identity_method -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    payment_intents (id) {
        id -> Uuid,
        lane_session_id -> Nullable<Uuid>,
        visit_id -> Nullable<Uuid>,
        purpose -> Text,
        amount_cents -> BigInt,
        status -> Text,
        quote_json -> Text,
        method -> Nullable<Text>,
        external_reference -> Nullable<Text>,
        paid_at -> Nullable<UtcTimestamp>,
        paid_by_staff_id -> Nullable<Uuid>,
        idempotency_key -> Nullable<Text>,
        last_decline_reason -> Nullable<Text>,
        last_decline_at -> Nullable<UtcTimestamp>,
        version -> BigInt,
        created_at -> UtcTimestamp,
        updated_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    agreements (id) {
        id -> Uuid,
        version -> Integer,
        language -> Text,
        title -> Text,
        body_text -> Text,
        body_sha256 -> Text,
        consent_text -> Text,
        active -> Bool,
        created_at -> UtcTimestamp,
        activated_at -> Nullable<UtcTimestamp>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    checkin_blocks (id) {
        id -> Uuid,
        visit_id -> Uuid,
        block_type -> Text,
        starts_at -> UtcTimestamp,
        ends_at -> UtcTimestamp,
        hours_purchased -> Integer,
        rental_type -> Text,
        room_id -> Nullable<Uuid>,
        locker_id -> Nullable<Uuid>,
        session_id -> Nullable<Uuid>,
        agreement_signature_id -> Nullable<Uuid>,
        payment_intent_id -> Nullable<Uuid>,
        waitlist_id -> Nullable<Uuid>,
        has_tv_remote -> Bool,
        created_at -> UtcTimestamp,
        updated_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    charges (id) {
        id -> Uuid,
        visit_id -> Uuid,
        checkin_block_id -> Nullable<Uuid>,
        kind -> Text,
        amount_cents -> BigInt,
        payment_intent_id -> Nullable<Uuid>,
        created_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    agreement_signatures (id) {
        id -> Uuid,
        agreement_id -> Uuid,
        agreement_version -> Integer,
        language -> Text,
        agreement_title -> Text,
        agreement_text_snapshot -> Text,
        agreement_text_sha256 -> Text,
        consent_text -> Text,
        consent_text_sha256 -> Text,
        consent_at -> UtcTimestamp,
        signature_strokes_json -> Nullable<Text>,
        signature_png -> Binary,
        signature_png_sha256 -> Text,
        customer_id -> Uuid,
        customer_name -> Text,
        membership_number -> Nullable<Text>,
        dob_verified -> Bool,
        identity_method -> Text,
        staff_id -> Uuid,
        device_id -> Nullable<Uuid>,
        lane_id -> Text,
        lane_session_id -> Uuid,
        user_agent -> Nullable<Text>,
        ip -> Nullable<Text>,
        checkin_block_id -> Nullable<Uuid>,
        payment_intent_id -> Nullable<Uuid>,
        agreement_shown_at -> UtcTimestamp,
        signed_at -> UtcTimestamp,
        record_sha256 -> Text,
        signature_method -> Text,
        typed_name -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    audit_events (seq) {
        seq -> BigInt,
        at -> UtcTimestamp,
        actor_type -> Text,
        actor_id -> Nullable<Text>,
        lane_id -> Nullable<Text>,
        action -> Text,
        entity_type -> Nullable<Text>,
        entity_id -> Nullable<Text>,
        summary_json -> Text,
        reason -> Nullable<Text>,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    audit_head (id) {
        id -> Integer,
        seq -> BigInt,
        hash -> Text,
    }
}

diesel::joinable!(staff_sessions -> staff (staff_id));
diesel::joinable!(devices -> lanes (lane_id));
diesel::joinable!(device_pairing_codes -> lanes (lane_id));
diesel::joinable!(device_pairing_codes -> staff (created_by_staff_id));
diesel::joinable!(device_pairing_codes -> devices (device_id));
diesel::joinable!(register_sessions -> lanes (lane_id));
diesel::joinable!(register_sessions -> staff_sessions (staff_session_id));
diesel::joinable!(rooms -> customers (assigned_to_customer_id));
diesel::joinable!(lockers -> customers (assigned_to_customer_id));
diesel::joinable!(visits -> customers (customer_id));
diesel::joinable!(waitlist -> visits (visit_id));
diesel::joinable!(waitlist -> rooms (room_id));
diesel::joinable!(inventory_holds -> waitlist (waitlist_id));
diesel::joinable!(lane_sessions -> lanes (lane_id));
diesel::joinable!(lane_sessions -> customers (customer_id));
diesel::joinable!(lane_sessions -> visits (visit_id));
diesel::joinable!(lane_sessions -> inventory_holds (hold_id));
diesel::joinable!(payment_intents -> lane_sessions (lane_session_id));
diesel::joinable!(payment_intents -> visits (visit_id));
diesel::joinable!(payment_intents -> staff (paid_by_staff_id));
diesel::joinable!(checkin_blocks -> visits (visit_id));
diesel::joinable!(checkin_blocks -> rooms (room_id));
diesel::joinable!(checkin_blocks -> lockers (locker_id));
diesel::joinable!(checkin_blocks -> lane_sessions (session_id));
diesel::joinable!(checkin_blocks -> payment_intents (payment_intent_id));
diesel::joinable!(checkin_blocks -> waitlist (waitlist_id));
diesel::joinable!(charges -> visits (visit_id));
diesel::joinable!(charges -> checkin_blocks (checkin_block_id));
diesel::joinable!(charges -> payment_intents (payment_intent_id));
diesel::joinable!(agreement_signatures -> agreements (agreement_id));
diesel::joinable!(agreement_signatures -> customers (customer_id));
diesel::joinable!(agreement_signatures -> staff (staff_id));
diesel::joinable!(agreement_signatures -> devices (device_id));
diesel::joinable!(agreement_signatures -> lanes (lane_id));
diesel::joinable!(agreement_signatures -> lane_sessions (lane_session_id));
diesel::joinable!(agreement_signatures -> checkin_blocks (checkin_block_id));
diesel::joinable!(agreement_signatures -> payment_intents (payment_intent_id));

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::UtcTimestamp;

    club_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::UtcTimestamp;

    idempotency_keys (key) {
        key -> Text,
        scope -> Text,
        request_sha256 -> Text,
        status -> Integer,
        response_json -> Text,
        created_at -> UtcTimestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    pin_lockouts (staff_id, client) {
        staff_id -> Uuid,
        client -> Text,
        failures -> Integer,
        locked_until -> Nullable<UtcTimestamp>,
        updated_at -> UtcTimestamp,
    }
}

diesel::joinable!(pin_lockouts -> staff (staff_id));

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    checkouts (id) {
        id -> Uuid,
        visit_id -> Uuid,
        checkin_block_id -> Uuid,
        resource_type -> Text,
        resource_id -> Uuid,
        number -> Text,
        minutes_late -> BigInt,
        late_fee_cents -> BigInt,
        fee_settlement -> Text,
        payment_intent_id -> Nullable<Uuid>,
        banned_until -> Nullable<UtcTimestamp>,
        staff_id -> Uuid,
        lane_id -> Nullable<Text>,
        checked_out_at -> UtcTimestamp,
    }
}

diesel::joinable!(checkouts -> visits (visit_id));
diesel::joinable!(checkouts -> staff (staff_id));

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    inventory_transitions (id) {
        id -> Uuid,
        resource_type -> Text,
        resource_id -> Uuid,
        from_status -> Text,
        to_status -> Text,
        cause -> Text,
        staff_id -> Nullable<Uuid>,
        reason -> Nullable<Text>,
        at -> UtcTimestamp,
    }
}

diesel::joinable!(inventory_transitions -> staff (staff_id));

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::sql_types::{UtcTimestamp, Uuid};

    issued_certificates (sha256) {
        sha256 -> Text,
        signature_id -> Uuid,
        record_sha256 -> Text,
        first_issued_at -> UtcTimestamp,
    }
}

diesel::joinable!(issued_certificates -> agreement_signatures (signature_id));

diesel::allow_tables_to_appear_in_same_query!(
    issued_certificates,
    checkouts,
    inventory_transitions,
    pin_lockouts,
    club_secrets,
    idempotency_keys,
    customers,
    lanes,
    staff,
    staff_sessions,
    devices,
    device_pairing_codes,
    register_sessions,
    rooms,
    lockers,
    visits,
    waitlist,
    inventory_holds,
    lane_sessions,
    payment_intents,
    agreements,
    checkin_blocks,
    charges,
    agreement_signatures,
    audit_events,
    audit_head,
);
