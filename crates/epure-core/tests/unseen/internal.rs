//! The administration's own procedures: its staff, its purchases, the grants it pays out, the
//! State's short-time work scheme for employers, and the FIPHFP's aid to an employer.

use crate::kit::*;

/// Another unseen one, internal: an agent's travel expenses, from the claim to the payment by
/// the public accountant (the ordonnateur / comptable separation of public finance).
#[test]
fn an_unseen_travel_expenses_claim_is_read_as_an_expert_would() {
    let found = found_in("frais-deplacement.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The amounts the agent typed in are typed again into Chorus.
            ("rekeying", "etat-frais saisie ressaisie"),
            // Sending the list of payment orders is only passing the file on...
            ("transit-step", "bordereau controle-comptable"),
            ("waiting", "controle-comptable"),
        ]
    );
    // Near misses: the accountant checks the receipts the finance service already checked, but
    // gives a visa of their own (and the law requires it): not a redundant check; the manager's
    // approval and the signature of the payment order are not in a row (the liquidation is
    // between them); telling the agent they are paid is not a transit step.
    assert_not_flagged(&found, &["redundant-check", "approval-chain", "duplicate-step", "ping-pong", "handoff-chain"]);
    // ...but it is in the same service as the signature before it: going straight to the
    // accountant saves no handoff.
    let v = analysis_of_fixture("frais-deplacement.epure.json");
    let transit =
        v["findings"].as_array().expect("findings").iter().find(|f| f["rule"] == "transit-step").expect("transit");
    assert_eq!(transit["gain"]["handoffs"], 0);
}

/// Unseen: an operating grant to an association (Cerfa 12156 online, completeness, the sports
/// department's examination, the credit check, the commission, the council's vote, the
/// convention above 23 000 €, payment by the public accountant).
#[test]
fn an_unseen_grant_to_an_association_is_read_as_an_expert_would() {
    let found = found_in("subvention-association.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The statutes are in the RNA, the SIRET in Sirene; the RIB is asked again by finance.
            ("once-only", "statuts depot"),
            ("once-only", "siret depot"),
            ("once-only", "rib depot envoi-rib"),
            ("rekeying", "montant depot enregistrement engagement"),
            // A 5-minute credit check in the finance department between two steps of the sports one.
            ("ping-pong", "instruction credits-check fiche"),
            ("transit-step", "envoi-service instruction"),
            (
                "handoff-chain",
                "depot completude enregistrement envoi-service instruction credits-check fiche commission-avis delib vote legalite demande-rib envoi-rib engagement mandatement paiement"
            ),
            ("rework-loop", "completude d-complet relance complement"),
            ("waiting", "commission-avis"),
            ("waiting", "vote"),
            ("too-many-contacts", "depot complement signature-asso envoi-rib"),
            // Information only: the examination and the credit check share no data.
            ("parallelizable", "instruction credits-check"),
        ]
    );
    // Near misses: the mayor's and the president's signatures of the convention are the two
    // parties, not a cascade of validations; the council's vote is required by law; keying the
    // commitment in uses the deliberation, it does not check it again; the accountant's control
    // produces the payment; the credit check's verdict goes on to the fiche.
    assert_not_flagged(&found, &["approval-chain", "redundant-check", "duplicate-step", "late-knockout"]);
    assert!(!found.iter().any(|(r, s)| *r == "parallelizable" && s.contains("fiche")), "{found:?}");
}

/// Unseen: recruiting a contract agent on a permanent post in a commune (vacancy declared to the
/// centre de gestion, jury, the DRH's and the DGS's visas before the mayor's signature, the
/// contrôle de légalité, the DPAE and the SIRH in parallel).
#[test]
fn an_unseen_contract_agent_recruitment_is_read_as_an_expert_would() {
    let found = found_in("recrutement-contractuel.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // Diplomas sent with the application, asked again for the hiring file.
            ("once-only", "diplomes candidature pieces"),
            // The employer asks the Casier judiciaire national for the bulletin n° 2 itself.
            ("once-only", "casier pieces"),
            // The candidate's civil status typed in online, then into the DPAE, then the SIRH.
            ("rekeying", "identite candidature dpae saisie-sirh"),
            (
                "handoff-chain",
                "fiche relecture credits accord-dgs vacance publication candidature preselection convocation entretien jury choix demande-pieces pieces verif-pieces visite aptitude redaction visa-drh visa-dgs signature-maire signature-agent envoi-legalite legalite"
            ),
            // Two visas before the mayor's signature; the agent's own signature is not one.
            ("approval-chain", "visa-drh visa-dgs signature-maire"),
            // The publication period before applications come in.
            ("waiting", "candidature"),
            ("too-many-contacts", "candidature entretien pieces visite signature-agent"),
        ]
    );
    // Near misses: the contrôle de légalité (mandated, a control of its own, not a relay nor a
    // redundant check); the jury's audition after the preselection (it classes the candidates);
    // the check of the hiring pieces (a fresh copy came in); the interview and the medical visit
    // that need the candidate in person (not side by side with their convocation).
    assert_not_flagged(&found, &["transit-step", "redundant-check", "parallelizable", "duplicate-step", "ping-pong"]);
    // The DPAE also produces its receipt: half its 10 minutes; the SIRH's 30 are keying.
    let v = analysis_of_fixture("recrutement-contractuel.epure.json");
    let rekeying =
        v["findings"].as_array().expect("findings").iter().find(|f| f["rule"] == "rekeying").expect("rekeying");
    assert_eq!(rekeying["gain"]["touch_min"], 35);
}

/// Unseen: a works contract under the adapted procedure (MAPA): BOAMP and buyer profile, the
/// applications, the technical analysis by the project manager in parallel with the price
/// analysis, optional negotiation, the MAPA commission, the winner's certificates, the award,
/// the letters to the unsuccessful bidders, the notification and the award notice.
#[test]
fn an_unseen_adapted_procedure_contract_is_read_as_an_expert_would() {
    let found = found_in("marche-mapa.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // Certificates the DGFiP and the URSSAF hold, asked with the bid and again of the winner.
            ("once-only", "attestations offre envoi-attestations"),
            ("once-only", "kbis offre envoi-attestations"),
            // The technical memoranda are on the buyer profile: sending them on is a relay.
            ("transit-step", "envoi-moe analyse-technique"),
            (
                "handoff-chain",
                "besoin cctp dce verif-cctp publication offre ouverture candidatures envoi-moe analyse-technique negociation offre-finale analyse-finale rapport controle-rapport commission demande-attestations envoi-attestations verif-attestations attribution rejet notification avis-attribution engagement"
            ),
            // The consultation period (mandated): explained, nothing proposed.
            ("waiting", "offre"),
            ("too-many-contacts", "offre offre-finale envoi-attestations"),
            // Information only: the award notice and the financial commitment share no data.
            ("parallelizable", "avis-attribution engagement"),
        ]
    );
    // Near misses: the technical and price analyses are two experts in parallel; the analysis of
    // the final offers (a fresh offer came in); the check of the winner's certificates (mandated,
    // CCP R2144-4); the commission's opinion before the award; informing the unsuccessful bidders
    // and notifying the winner (two addressees, both mandated); the bid after the publication.
    assert_not_flagged(&found, &["redundant-check", "duplicate-step", "approval-chain", "late-knockout", "ping-pong"]);
    assert!(!found.iter().any(|(r, s)| *r == "parallelizable" && !s.contains("engagement")), "{found:?}");
}

/// Unseen: a territorial civil servant's retirement under the CNRACL (the request to the mayor,
/// the career account checked on PEP's and the career rebuilt from former employers' records,
/// the paper pension request, the order striking the agent off the strength, the liquidation file
/// keyed in on PEP's, the head of service's check and the centre de gestion's, the CNRACL's
/// liquidation with its returns for anomalies, the pension certificate, the last pay).
#[test]
fn an_unseen_retirement_of_a_civil_servant_is_read_as_an_expert_would() {
    let found = found_in("retraite-cnracl.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The individual statement of the career: the CNRACL holds it.
            ("once-only", "ris pieces"),
            // The paper pension request and its pieces keyed into PEP's.
            ("rekeying", "saisie demande-pension livret rib identite pieces"),
            // The centre de gestion checks again what the head of service checked, and produces nothing.
            ("redundant-check", "verif-responsable controle-cdg dossier-liquidation arrete"),
            // The mayor's secretariat only forwards the letter to the HR department.
            ("transit-step", "secretariat accuse"),
            (
                "handoff-chain",
                "courrier secretariat accuse pieces controle-cir redaction signature notif-arrete saisie verif-responsable controle-cdg instruction fin-paie premiere-pension"
            ),
            // The CNRACL's returns for anomalies, one file in five: at the threshold, a warning
            // (it was read as information while the share came out a hair under 20 %).
            ("rework-loop", "instruction d-anomalie signalement correction"),
            ("waiting", "instruction"),
            // The former employers' records come by post and are keyed into the career account.
            ("media-break", "f9 reconstitution cir"),
        ]
    );
    assert_eq!(finding_of("retraite-cnracl.epure.json", "rework-loop")["severity"], "warning");
    // Near misses: the career rebuilt on PEP's, then the CNRACL's liquidation (the deciding body,
    // it produces the pension certificate, mandated); one signature of the order; notifying the
    // order and sending the certificate to the agent are not relays; the pay stopped side by side
    // with the certificate sent; two contacts with the agent (not more than the threshold).
    assert_not_flagged(
        &found,
        &["approval-chain", "duplicate-step", "ping-pong", "too-many-contacts", "late-knockout", "parallelizable"],
    );
}

/// Unseen: an ERDF (FEDER) grant under a regional programme (filed on e-Synergie, completeness,
/// the operational directorate's opinion, the examination, the programming committee, the
/// standing committee's vote, the agreement signed by the holder then the president, the
/// commitment, the claim for payment, the check of service done and the on-the-spot visit on a
/// sample, payment by the regional paymaster, the accounting function's check before declaring
/// the expenditure to the Commission, the audit authority's audit on a sample).
#[test]
fn an_unseen_erdf_grant_is_read_as_an_expert_would() {
    let found = found_in("subvention-feder.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The tax and social certificates: the DGFiP and the URSSAF hold them (asked twice).
            ("once-only", "attestations depot demande-paiement"),
            // The RIB given at the request, asked again with the claim.
            ("once-only", "rib depot demande-paiement"),
            // The grant's amount keyed into e-Synergie, then into the finance software.
            ("rekeying", "aide redaction engagement"),
            (
                "handoff-chain",
                "depot completude avis-technique instruction comite vote redaction engagement signature-porteur signature notif-convention demande-paiement csf mandat paiement controle-comptable"
            ),
            ("rework-loop", "completude d-complet demande-pieces complement"),
            // The claims sent back for pieces or expenses to justify.
            ("rework-loop", "csf d-csf demande-complements complement-paiement"),
            // (The operation carried out before the claim is the project's own time once the
            // grant is notified, which no one at the region can shorten: not a queue.)
            ("too-many-contacts", "depot complement signature-porteur demande-paiement complement-paiement"),
        ]
    );
    // Near misses, the checks the regulation requires and keeps apart: the check of service
    // done, the on-the-spot visit, the paymaster's control, the accounting function's check and
    // the audit each produce their own report or act on the same invoices: none is a redundant
    // check; the examination after the completeness check and the technical opinion; the
    // committee's opinion then the standing committee's vote (a check, then one approval; the
    // president's signature comes after the holder's); the refusal decided on the examination;
    // notifying the agreement is not a relay; the commitment, legally before the signature, is
    // not proposed side by side with it.
    assert_not_flagged(
        &found,
        &[
            "redundant-check",
            "duplicate-step",
            "approval-chain",
            "late-knockout",
            "transit-step",
            "parallelizable",
            "ping-pong",
        ],
    );
}

/// Unseen: activité partielle (the works council consulted, the prior request on the national
/// platform, the DREETS's examination within 15 days or the implicit acceptance, then each month
/// the indemnity paid with the payroll and declared in the DSN, the claim on the platform, its
/// validation by the DREETS and the allocation paid by the ASP).
#[test]
fn an_unseen_short_time_work_scheme_is_read_as_an_expert_would() {
    let found = found_in("activite-partielle.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The headcount: the DSN already gives it.
            ("once-only", "effectif demande"),
            // The hours not worked, declared in the DSN, typed in again each month.
            ("once-only", "heures di"),
            // The DREETS validates the claim, the ASP pays it: two bodies for one allowance.
            ("handoff-chain", "consultation avis-cse demande instruction autorisation paie di validation-di paiement"),
            // Each month's claim; the count also holds the consultation and the payroll.
            ("too-many-contacts", "consultation demande complement paie di"),
            // Requests for details on the grounds: information (10 %).
            ("rework-loop", "instruction d-instruction demande-complements complement"),
        ]
    );
    assert_eq!(finding_of("activite-partielle.epure.json", "rework-loop")["severity"], "info");
    // Near misses: the monthly claim, validated and paid, then the next month is a period after
    // another, not a rework loop, and the month worked before each claim is not a wait; the
    // implicit acceptance after 15 days of silence (the platform, mandated); the examination of
    // the request and the validation of each claim look at different things; the platform's
    // receipt and notifications are not relays; the ASP pays on the DREETS's validation.
    assert!(!found.iter().any(|(r, s)| *r == "rework-loop" && s.contains("paie")), "{found:?}");
    assert_not_flagged(
        &found,
        &[
            "waiting",
            "redundant-check",
            "duplicate-step",
            "transit-step",
            "approval-chain",
            "late-knockout",
            "ping-pong",
        ],
    );
}

/// Unseen: a supplier's invoice in a commune through Chorus Pro (the invoice filed on the
/// portal, matched with the order by the accounts department and rejected on the portal when the
/// order number is missing, a new supplier created in the third-party file from their RIB, the
/// service fait certified by the ordering service, the liquidation and the payment order, the
/// deputy mayor's electronic signature of the list of orders, the public accountant's control,
/// its rejections and the payment).
#[test]
fn an_unseen_supplier_invoice_is_read_as_an_expert_would() {
    let found = found_in("facture-chorus-pro.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The bank details come with the invoice on Chorus Pro, and are asked again by e-mail
            // of a new supplier.
            ("once-only", "rib depot envoi-rib"),
            // The SIRET and name the supplier typed on Chorus Pro, typed again into the
            // third-party file.
            ("rekeying", "siret depot creation-tiers"),
            // On the way of a new supplier.
            (
                "handoff-chain",
                "depot rapprochement demande-rib envoi-rib creation-tiers service-fait liquidation signature controle-comptable paiement"
            ),
            // Waiting for the ordering service to certify the service fait: the usual cause of
            // the 30 days being overrun. Explained.
            ("waiting", "service-fait"),
            // Invoices rejected for a missing or wrong order number (8 %): information, and
            // Chorus Pro can require the number at the filing.
            ("rework-loop", "controle-chorus rapprochement d-engagement rejet-facture correction"),
            // Orders rejected by the accountant (3 %): information.
            ("rework-loop", "signature controle-comptable d-mandat rejet-mandat correction-mandat"),
        ]
    );
    // The order number the supplier types on the portal is what to check there.
    let upfront = finding_of("facture-chorus-pro.epure.json", "rework-loop");
    assert_eq!(upfront["suggestion"], "check-upfront");
    let advice = upfront["explanation_fr"].as_str().expect("explanation");
    assert!(
        advice.contains("« Numéro d'engagement (bon de commande) » dès l'étape « Déposer la facture sur Chorus Pro »"),
        "{advice}"
    );
    // Near misses: the service fait certified by the ordering service (a certificate it signs,
    // mandated: no short round trip for the accounts department); the liquidation after it and
    // the accountant's control before paying (mandated, the separation of ordonnateur and
    // comptable: not redundant checks); one signature; the two rejections, on exclusive ways;
    // the refusal for service not done, decided on the service fait; the portal's status
    // (automatic, not a relay); everything digital; about one contact and a quarter with the
    // supplier.
    assert_not_flagged(
        &found,
        &[
            "duplicate-step",
            "redundant-check",
            "ping-pong",
            "transit-step",
            "approval-chain",
            "parallelizable",
            "late-knockout",
            "media-break",
            "too-many-contacts",
        ],
    );
}

/// Unseen: an accident at work of a territorial civil servant and the CITIS (the doctor's
/// certificate, the paper declaration handed to the line manager who writes a report, keyed
/// into the SIRH, completeness, the certificate of payment of medical costs, the declaration to
/// the statutory insurer on its extranet; when in doubt, the administrative inquiry and the
/// approved doctor's examination; when a personal fault may detach the accident from the
/// service, the conseil médical at the centre de gestion; the order drafted, endorsed by the DRH,
/// signed by the deputy mayor, notified; the pay).
#[test]
fn an_unseen_accident_at_work_is_read_as_an_expert_would() {
    let found = found_in("accident-service.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The accident keyed into the SIRH, then into the insurer's extranet, then into the
            // centre de gestion's platform; the sick note into the first two.
            ("rekeying", "declaration enregistrement assureur saisine"),
            ("rekeying", "arret enregistrement assureur"),
            (
                "handoff-chain",
                "consultation declaration rapport enregistrement completude prise-en-charge assureur redaction visa-drh signature notif paie-citis"
            ),
            // The DRH's visa before the deputy mayor's signature.
            ("approval-chain", "visa-drh signature"),
            // A fifth of the declarations come back for a missing certificate or box.
            ("rework-loop", "completude d-complet demande-pieces complement"),
            // The conseil médical's backlog: explained, nothing proposed. One file in five goes
            // there, and waits two months: said as such, not only as the average over all files.
            ("waiting", "seance"),
            // The paper declaration keyed into the SIRH.
            ("media-break", "f4 enregistrement declaration arret"),
        ]
    );
    // Near misses: the line manager's report (their own account of the circumstances, not a
    // relay nor a round trip); the inquiry after the completeness check (it hears the agent and
    // writes its report), the approved doctor's examination and the conseil médical's opinion
    // (each mandated, each its own document); the approved doctor asks for the medical reports,
    // not for the certificate again; the centre de gestion's secretariat informs the agent of the
    // sitting (mandated); the refusal decided on the inquiry, the examination and the opinion;
    // notifying the order, then the pay; under two contacts with the agent (the hearing and the
    // examination are needed when in doubt).
    assert_not_flagged(
        &found,
        &[
            "once-only",
            "duplicate-step",
            "redundant-check",
            "ping-pong",
            "transit-step",
            "parallelizable",
            "late-knockout",
            "too-many-contacts",
        ],
    );
    let wait = explained("accident-service.epure.json", "waiting");
    assert!(
        wait[0].starts_with("Le dossier attend 40 jours ouvrés avant l'étape « Rendre l'avis du conseil médical"),
        "{}",
        wait[0]
    );
    assert!(wait[0].contains("par laquelle passent 21 % des dossiers : 8,4 jours ouvrés en moyenne"), "{}", wait[0]);
}

/// Unseen: the recruitment of an apprentice by a local authority (the service's need, the HR's
/// check of the credits voted for apprentices, the offer, the interview, the enrolment at the
/// CFA and its training agreement, the Cerfa FA13 signed by the authority and the apprentice and
/// endorsed by the CFA, the DPAE, the contract filed on the national platform, the medical
/// visit, the CNFPT's funding of the training, the first pay paid by the public accountant).
#[test]
fn an_unseen_apprentice_recruitment_is_read_as_an_expert_would() {
    let found = found_in("recrutement-apprenti.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The CFA had the diploma and the identity document for the enrolment; the HR asks
            // for them again for the hiring file. (The CFA's attestation was first given the id
            // of the enrolment step, which the format allows; the finding's subjects then read it
            // as a data item and `ask-once` found nothing to do: see `Finding::names_data`.)
            ("once-only", "diplome inscription-cfa pieces"),
            ("once-only", "identite inscription-cfa pieces"),
            // The apprentice and the contract typed into the HR software, the DPAE, the national
            // platform, the CNFPT's platform and the pay.
            ("rekeying", "apprenti-donnees redaction dpae depot cnfpt-demande paie"),
            ("rekeying", "contrat-donnees redaction depot cnfpt-demande paie"),
            (
                "handoff-chain",
                "besoin budget publication candidature entretien inscription-cfa admission-cfa pieces redaction signature signature-apprenti visa-cfa dpae depot demande-visite visite examen cnfpt-demande cnfpt-accord paie paiement"
            ),
            // (The platform's receipt is passed through: the file does not change hands there.)
            // No `media-break` before the CNFPT's platform: written first as expected, but the
            // analysis raised one after the medical visit at the counter, which hands nothing on
            // to key in; the items keyed there were keyed before, as the two rekeyings say. A
            // break before a later entry was dropped only when one rekeying finding named all its
            // items; it is now dropped when the rekeying findings together do (`told_once`).
            // Applying, enrolling, the pieces, the signature and the medical visit: five times.
            ("too-many-contacts", "candidature inscription-cfa pieces signature-apprenti visite"),
            // Information only: the CNFPT's funding needs the filed contract, not the medical
            // visit, and the first pay does not wait for the CNFPT.
            ("parallelizable", "examen cnfpt-demande"),
            ("parallelizable", "cnfpt-accord paie"),
        ]
    );
    // Near misses: the authority's signature and the CFA's visa have the apprentice's own
    // signature between them (the parties to the contract, not a cascade); the two "Signer le
    // contrat" are the employer's approval and the apprentice's own signature (not duplicates);
    // the credits are checked before any work, so the refusal is early; the CFA's admission, the
    // CNFPT's instruction and the accountant's control each produce their own act; asking for
    // the medical visit is no relay; no wait dominates a recruitment of several months.
    assert_not_flagged(
        &found,
        &[
            "duplicate-step",
            "redundant-check",
            "approval-chain",
            "transit-step",
            "ping-pong",
            "late-knockout",
            "waiting",
            "media-break",
            "rework-loop",
        ],
    );
}

/// Unseen: the acceptance of public works and the final account of a works contract in a commune
/// (CCAG-Travaux 2021: the completion notice, the operations prior to acceptance on the site, the
/// maître d'œuvre's proposal, the decision prepared, endorsed and signed, the reservations
/// lifted; the contractor's final statement on Chorus Pro, checked by the maître d'œuvre; the
/// décompte général signed and notified, signed back or disputed; the payment of the balance;
/// the release of the retention after the year of guarantee).
#[test]
fn an_unseen_works_acceptance_and_final_account_is_read_as_an_expert_would() {
    let found = found_in("reception-decompte-travaux.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The balance keyed into the contracts software, then again into the financial one.
            ("rekeying", "solde decompte-general-step mandatement"),
            // The contracts service only forwards the signed account to the finance department.
            ("transit-step", "transmission mandatement"),
            (
                "handoff-chain",
                "avis convocation-step opr-entreprise opr proposition-step preparation visa signature notif-reception levee constat-levee projet-decompte-step verif-moe decompte-general-step signature-dg notif-dg retour-dg transmission mandatement paiement-step demande-retenue-step verif-garantie mandat-retenue-step paiement-retenue"
            ),
            // The director's visa before the deputy mayor's signature of the acceptance.
            ("approval-chain", "visa signature"),
            // (The year before the retention is released is the guarantee period, CCAG-Travaux art.
            // 44.1, CCP art. R2191-35, after the final account is notified: the company's own term,
            // not a queue.)
            // The contractor asks for the retention the commune should release by itself.
            (
                "too-many-contacts",
                "avis opr-entreprise projet-decompte-step retour-dg reclamation demande-retenue-step"
            ),
        ]
    );
    // Near misses: the accountant's
    // control before paying (mandated, separation of ordonnateur and comptable); the maître
    // d'œuvre's check of the final statement after the reception (other pieces); the
    // maître d'œuvre's finding on the site that the reservations are lifted writes its own
    // report; the signatures of the acceptance and of the account are separated by real work;
    // the notices to the contractor are not relays; nothing is refused.
    assert_not_flagged(
        &found,
        &[
            "redundant-check",
            "duplicate-step",
            "once-only",
            "ping-pong",
            "parallelizable",
            "late-knockout",
            "media-break",
        ],
    );
}

/// Unseen: an agent's ordinary sick leave in a local authority (régime général: the doctor sends
/// two parts of the sick note to the CPAM online, the agent sends the third to the employer
/// within 48 hours; the HR registers it and checks the time limit and the rights; a
/// counter-visit by an approved doctor now and then; beyond six months the conseil médical; the
/// DSN's notice, the pay kept, the daily allowances paid to the authority by subrogation and
/// matched; each extension is a new sick note handled the same way).
#[test]
fn an_unseen_sick_leave_is_read_as_an_expert_would() {
    let found = found_in("conge-maladie-agent.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The sick note the doctor sent the CPAM online is sent again on paper to the
            // employer.
            ("once-only", "avis-arret envoi-volet3"),
            // The daily allowances the CPAM recorded are typed again into the payroll from its
            // statement.
            ("rekeying", "ij-montants versement-ij rapprochement"),
            // Known miss (`handoff-chain`): on the conseil médical's way the file goes from the
            // doctor to the agent, the HR, the centre de gestion, the conseil, the HR, the mayor,
            // the HR and the CPAM: eight hands. The whole leave is one loop (each extension goes
            // round), and the rule walks a loop's steps breadth-first from its entry: the short
            // way past "Plus de six mois ?" reaches the merge first, which is then closed to the
            // longer way through the conseil médical, so that way is never counted. Walking a
            // loop in a topological order of its forward flows would count it.
            // The CPAM's delay before it pays the allowances the authority advanced.
            ("waiting", "versement-ij"),
            // The paper note keyed into the SIRH.
            ("media-break", "f3 enregistrement arret-dates"),
        ]
    );
    // Near misses: an extension is the next sick note, not a return (first flagged as a
    // `rework-loop`: the counter-visit's "not justified, back to work" was read as a way round;
    // fixed in `period_loop`); the letter on a late note,
    // the counter-visit, the referral to the conseil médical and the secretariat telling the
    // agent are mandated (décret 87-602); the approved doctor's and the conseil's opinions are
    // their own; the order after the opinion has one signature; the pay kept and the
    // allowances' branch run side by side already; the agent is asked once per note.
    assert_not_flagged(
        &found,
        &[
            "rework-loop",
            "redundant-check",
            "duplicate-step",
            "transit-step",
            "ping-pong",
            "approval-chain",
            "late-knockout",
            "parallelizable",
            "too-many-contacts",
        ],
    );
}

/// Unseen: the titularisation of a trainee civil servant in a commune affiliated to a centre de
/// gestion (the year of training in the service, the CNFPT's integration training during it, the
/// end-of-training interview and report, the careers service's check, the CAP's opinion before an
/// extension or a refusal, the mayor's order, the pay and the personal file).
#[test]
fn an_unseen_trainee_civil_servant_titularisation_is_read_as_an_expert_would() {
    let found = found_in("titularisation-stagiaire.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The CNFPT posts the attestation in the commune's space on its platform: asking the
            // trainee to forward it is asking for what the CNFPT holds.
            ("once-only", "attestation-fi envoi-attestation"),
            // The grade, step and date typed into the careers module, then again into the pay
            // software (not linked).
            ("rekeying", "reclassement redaction saisie-paie"),
            // (Through the titularisation itself, the way most trainees take: as many hands as the
            // refusal's, more than the extension's that was expected.)
            (
                "handoff-chain",
                "inscription-fi formation attestation envoi-attestation evaluation visa-rapport verif redaction signature notif saisie-paie paye"
            ),
        ]
    );
    // Near misses: the extended training year (one file in seventeen, after the CAP's opinion)
    // is the trainee's statutory second chance, not a file sent back for a missing piece; the
    // year of training and the wait for a CNFPT session are the trainee's own working time, side
    // by side; the CAP's opinion is its own (no round trip, no redundant check of the report);
    // the careers service's check weighs the report with the training and the absences; each
    // order is signed once; the refusal rests on the report and the CAP's opinion. (The extension
    // was read as a return, proposing to check the attestation at its forwarding, until a loop
    // whose way round issues the authority's act for the next term, handing nothing back in, was
    // read as a loop that repeats the service period after period.) The attestation forwarded and
    // the report signed, for the year and for an extended year, are two solicitations a period:
    // `too-many-contacts` counted 2.06 per case, the extended year's signature again, until the
    // solicitations of such a loop were counted for one period (a known false alarm before).
    assert_not_flagged(
        &found,
        &[
            "too-many-contacts",
            "duplicate-step",
            "redundant-check",
            "ping-pong",
            "transit-step",
            "approval-chain",
            "parallelizable",
            "rework-loop",
            "late-knockout",
            "waiting",
            "media-break",
        ],
    );
}

/// Unseen: a State civil servant's transfer in the yearly movement (the wishes and situation on
/// the ministry's application, the signed confirmation and the supporting documents of the legal
/// priorities, the HR office's check and scale, the scale shown to the agent who may contest it,
/// the algorithm under the ministry's lines of management, the result, the transfer order, the
/// arrival: the information form, the installation, the host HR's entry in the HR system).
#[test]
fn an_unseen_yearly_transfer_is_read_as_an_expert_would() {
    let found = found_in("mutation-fonctionnaire.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The family record is in the agent's file, and is asked again at the arrival.
            ("once-only", "livret pieces fiche"),
            // The MDPH's recognition, which the agent carries to the ministry.
            ("once-only", "rqth pieces"),
            // The bank details and the identity: the ministry pays the agent already.
            ("once-only", "rib fiche"),
            ("once-only", "identite fiche"),
            // Expectation corrected: the situation the agent keyed in online, keyed again by the
            // host HR from the paper form, is told once, as a rekeying (the media break before the
            // second entry is the same redundancy, `told_once`).
            ("rekeying", "situation voeux prise-en-charge"),
            (
                "handoff-chain",
                "voeux confirmation controle consulter ajustement arrete fiche installation prise-en-charge"
            ),
            // The month between the closed scales and the result: most of the time.
            ("waiting", "algorithme"),
            // The wishes, the pieces, the scale to check, the arrival form.
            ("too-many-contacts", "voeux pieces confirmation consulter correction fiche"),
        ]
    );
    // Near misses: the scale shown to the agent and re-examined on their request is their right
    // under the lines of management (not a ping-pong, and the corrected scale is a new value, not
    // a second keying: `rekeying` flagged « bareme controle reexamen » until it read an entry that
    // reads the user's request to correct it, « Réexaminer le barème contesté », as the corrected
    // value); the office's review of the algorithm's results, then the order (which
    // produces the act); the confirmation asked on exclusive branches; no transfer is decided by
    // the algorithm on the scale, not late; the installation and the host HR's entry (it reads
    // the installation report).
    assert_not_flagged(
        &found,
        &[
            "duplicate-step",
            "redundant-check",
            "ping-pong",
            "late-knockout",
            "parallelizable",
            "transit-step",
            "approval-chain",
        ],
    );
}

/// Drawing style: the travel expenses drawn by another agent, the actor in front of each label
/// ("L'ordonnateur transmet le bordereau de mandats au comptable public", "Le N+1 valide l'état de
/// frais") and the lanes named otherwise: the same findings (the bordereau is still only passed
/// on).
#[test]
fn the_travel_expenses_drawn_with_the_actor_in_each_label_read_the_same() {
    assert_same_findings("frais-deplacement.epure.json", "frais-deplacement-variante.epure.json");
}

/// Unseen: the adaptation of a disabled agent's workstation in a département without a FIPHFP
/// agreement (the agent's request to the référent handicap with the RQTH decision, the interview,
/// the visit to the médecin de prévention and the preconisations, the ergonomist's study when
/// needed, the quotes, the DRH's approval, the order in the finance software, the delivery, the
/// service fait checked with the agent, the invoice liquidated and paid; then the reimbursement
/// filed on the FIPHFP's platform with the paid invoice, the Caisse des dépôts' instruction and
/// its requests for a piece, the aid paid or refused).
#[test]
fn an_unseen_adapted_workstation_funded_by_the_fiphfp_is_read_as_an_expert_would() {
    let found = found_in("amenagement-poste-fiphfp.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The agent declared their RQTH to HR for the yearly declaration of the employment
            // obligation: the SIRH holds it, the référent (in the same DRH) asks for it again.
            ("once-only", "rqth sollicitation"),
            // The amount keyed into the finance software at the order, again at the liquidation,
            // and again on the FIPHFP's platform.
            ("rekeying", "montant engagement liquidation depot-fiphfp"),
            // Agent, référent, doctor, référent, ergonomist, référent, supplier, référent, DRH,
            // finance, supplier, référent, finance, référent, FIPHFP: the référent is the single
            // point of contact and yet the file changes hands at every step.
            (
                "handoff-chain",
                "sollicitation entretien presence-entretien saisine-medecin visite preconiser commande-etude etude-poste presence-etude consultation devis-fournisseur choix validation engagement livraison service-fait liquidation depot-fiphfp instruction paiement"
            ),
            // One request in four lacks a piece (the invoice not marked paid, the doctor's
            // preconisations out of date).
            ("rework-loop", "instruction d-complet relance complement"),
            // The FIPHFP's instruction backlog, two months: the employer waits for its money.
            ("waiting", "instruction"),
            // The request, the interview, the medical visit, the ergonomist's visit: the agent
            // tells their difficulties three or four times to three or four people.
            ("too-many-contacts", "sollicitation presence-entretien visite presence-etude"),
        ]
    );
    // Near misses: the référent's interview, the doctor's preconisations, the ergonomist's study,
    // the comparison of the quotes, the service fait and the FIPHFP's instruction each read the
    // RQTH or the preconisations for their own question and most write their own document
    // (the FIPHFP checks the beneficiary's status as the funder: no redundant check); the DRH's
    // approval is the only one; the finance service's liquidation and mandate between the
    // service fait and the filing on the platform are the ordonnateur's accounting acts (the
    // FIPHFP wants the invoice paid), not a short step to hand to the référent; asking the
    // medical service for a visit and the supplier for quotes are not relays; the quotes need the
    // preconisations; the FIPHFP's refusal is its own decision on the paid invoice (it pays
    // afterwards by its rules).
    assert_not_flagged(
        &found,
        &[
            "duplicate-step",
            "redundant-check",
            "ping-pong",
            "transit-step",
            "approval-chain",
            "parallelizable",
            "late-knockout",
        ],
    );
}

/// Unseen: a civil servant's disponibilité pour convenances personnelles at a commune (the
/// request to the mayor under cover of the line manager three months ahead, the manager's opinion
/// on the needs of the service, the careers officer's check of the rights, the refusal with its
/// reasons or the order keyed into the centre de gestion's AGIRHE and signed by the mayor; the
/// order notified against signature while the payroll stops the pay and declares it in the DSN;
/// the year of disponibilité; the request to be reinstated three months before its end, the
/// approved doctor's check of fitness, the first vacancy or the wait for it, the reinstatement's
/// order and the pay resumed).
#[test]
fn an_unseen_leave_on_personal_grounds_is_read_as_an_expert_would() {
    let found = found_in("disponibilite-convenances-personnelles.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The position keyed into AGIRHE for the order is keyed again into the payroll
            // software from the paper order; the same at the reinstatement. (The paper order
            // reaching the payroll is not told again as a `media-break`: the position is already
            // in a system, the `rekeying` says it.)
            ("rekeying", "position rediger-arrete paie-stop"),
            ("rekeying", "reintegration rediger-reint paie-reprise"),
            // Known false alarm: the agent, the manager, the careers officer, the mayor, the
            // careers officer, the agent; a year later the agent, the careers officer, the
            // approved doctor, the careers officer, the mayor, the payroll: ten hands, but five at
            // the departure and five at the return, each mandated, with the careers officer as
            // the one interlocutor. The rule follows the one path through the year of
            // disponibilité: the format cannot say that the return is a new request after a
            // period granted (as the training organisation's yearly bilan).
            (
                "handoff-chain",
                "demander avis verifier-droits rediger-arrete signer-arrete notifier signer-notif demander-reint convoquer visite maintenir proposer rediger-reint signer-reint paie-reprise"
            ),
            // The post proposed by letter, and the agent's answer, come back on paper to the
            // careers officer, who keys the reinstatement into AGIRHE from them.
            // Known miss: the paper request reaching the careers officer (f3) is keyed into
            // AGIRHE only after the check of the rights and the decision: the rule reads the
            // keying on the step the paper reaches, or past gateways, not past a check that keys
            // nothing.
            ("media-break", "f27 rediger-reint reintegration"),
            // The request, the signature of the order at the HR desk, and the request to be
            // reinstated: the visit to sign is the one a notification on the agent's portal,
            // acknowledged there, would spare. (Written first as a near miss, the two requests
            // being mandated: the analysis is right that the third contact is avoidable.)
            ("too-many-contacts", "demander signer-notif demander-reint"),
        ]
    );
    // Near misses: the order of the departure and the order of the return, their signatures,
    // notifications and pay entries are two acts, not the same step twice; one signature each;
    // the refusal
    // rests on the check of the rights and the manager's opinion; the unfit agent's referral to
    // the conseil médical follows the doctor's check; the notification and the payroll already
    // run side by side. The 205 working days before the request to be reinstated are the year of
    // disponibilité the agent asked for, the period granted, not a queue (`waiting` flagged the
    // delay on the flow f17 until it read the order notified "à l'agent" as the user's outcome,
    // no other lane being an agent, the join as having it once the notice's branch gives it,
    // and a delay on the flow into the user's own step after the outcome as their own term).
    assert_not_flagged(
        &found,
        &[
            "duplicate-step",
            "approval-chain",
            "late-knockout",
            "redundant-check",
            "transit-step",
            "ping-pong",
            "rework-loop",
            "parallelizable",
        ],
    );
}
