//! The OpenAPI document tells the truth about errors: every error answer an API test
//! meets must be documented for its route and status with its code ([`check`], called by
//! the harness on every answer it reads), and every code the document lists is a real
//! one, listed where people read it too.

use crate::harness::{Backend, TestServer};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::sync::LazyLock;
use utoipa::OpenApi;
use wpplay_domain::Code;
use wpplay_server::routes::openapi::{ApiDoc, ROUTE_ERRORS};

/// The document as clients read it from `GET /api/openapi.json`.
static DOCUMENT: LazyLock<Value> = LazyLock::new(|| {
    serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document is JSON")
});

/// Fails the test when `status` with `body` is an error whose code the document does not
/// list for `method path` (a concrete path, query string allowed).
pub fn check(method: &str, path: &str, status: u16, body: &Value) {
    if let Err(e) = documented(&DOCUMENT, method, path, status, body) {
        panic!("{e}");
    }
}

/// `Ok` unless the answer is an error with a `code` that `doc` does not list for the
/// operation and status; the `Err` names the route, the status and the code.
fn documented(
    doc: &Value,
    method: &str,
    path: &str,
    status: u16,
    body: &Value,
) -> Result<(), String> {
    let Some(code) = body.get("code").and_then(Value::as_str) else {
        return Ok(());
    };
    if status < 400 {
        return Ok(());
    }
    let path = path.split('?').next().unwrap_or(path);
    let Some((template, op)) = operation(doc, method, path) else {
        // Outside every operation only the router's fallbacks answer.
        return match (status, code) {
            (404, "not_found") | (405, "method_not_allowed") => Ok(()),
            _ => Err(format!(
                "{method} {path} answered {status} `{code}`, but no operation of the OpenAPI document is {method} {path}"
            )),
        };
    };
    let route = format!("{method} {template}");
    match codes(op, status) {
        None => Err(format!(
            "{route} answered {status} `{code}`, but its OpenAPI operation documents no {status} response with codes: add the code to ROUTE_ERRORS in routes/openapi.rs"
        )),
        Some(listed) if !listed.contains(code) => Err(format!(
            "{route} answered {status} `{code}`, which its OpenAPI {status} response does not list (it lists {listed:?}): add it to ROUTE_ERRORS in routes/openapi.rs"
        )),
        Some(_) => Ok(()),
    }
}

/// The operation of `doc` that serves `method path`, and its templated path: a `{name}`
/// segment matches any non-empty segment, as the router's do; a literal one wins.
fn operation<'a>(doc: &'a Value, method: &str, path: &str) -> Option<(&'a str, &'a Value)> {
    let wanted: Vec<&str> = path.split('/').collect();
    let paths = doc["paths"].as_object()?;
    paths
        .iter()
        .filter_map(|(template, item)| {
            let parts: Vec<&str> = template.split('/').collect();
            let matches = parts.len() == wanted.len()
                && parts.iter().zip(&wanted).all(|(t, w)| {
                    if t.starts_with('{') && t.ends_with('}') {
                        !w.is_empty()
                    } else {
                        t == w
                    }
                });
            let literal = parts.iter().filter(|t| !t.starts_with('{')).count();
            let op = item.get(method.to_ascii_lowercase())?;
            matches.then_some((literal, template.as_str(), op))
        })
        .max_by_key(|(literal, _, _)| *literal)
        .map(|(_, template, op)| (template, op))
}

/// The codes `op` documents for `status`: the enum its error schema holds `code` to.
fn codes(op: &Value, status: u16) -> Option<BTreeSet<String>> {
    let schema = &op["responses"][status.to_string()]["content"]["application/json"]["schema"];
    schema["allOf"]
        .as_array()?
        .iter()
        .find_map(|part| part["properties"]["code"]["enum"].as_array())
        .map(|listed| {
            listed
                .iter()
                .filter_map(|c| c.as_str().map(str::to_owned))
                .collect()
        })
}

/// Every error response of every operation: `(route, status, response)`.
fn error_responses(doc: &Value) -> Vec<(String, u16, &Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("a path item") {
            for (status, response) in op["responses"].as_object().into_iter().flatten() {
                let status: u16 = status.parse().expect("a numeric status");
                if status >= 400 {
                    found.push((
                        format!("{} {path}", method.to_uppercase()),
                        status,
                        response,
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn every_error_response_lists_real_codes_in_its_schema_and_its_description() {
    let doc = &*DOCUMENT;
    let responses = error_responses(doc);
    assert!(
        responses.len() > 50,
        "the document has error responses to check: {}",
        responses.len()
    );
    for (route, status, response) in responses {
        let listed = codes(
            &json!({"responses": {status.to_string(): response}}),
            status,
        )
        .unwrap_or_else(|| panic!("{route} {status} documents no codes: {response}"));
        assert!(!listed.is_empty(), "{route} {status} lists no code");
        let description = response["description"].as_str().unwrap_or_default();
        for code in &listed {
            assert!(
                Code::parse(code) != Code::Unknown,
                "{route} {status} lists `{code}`, which is no code of wpplay_domain::Code"
            );
            assert!(
                description.contains(&format!("`{code}`")),
                "{route} {status}: the description names `{code}` for people too: {description}"
            );
        }
        assert_eq!(
            response["content"]["application/json"]["schema"]["allOf"][0]["$ref"],
            "#/components/schemas/ErrorBody",
            "{route} {status}: every error is an ErrorBody"
        );
    }
}

#[test]
fn the_table_of_route_errors_has_one_row_per_route() {
    let rows: Vec<(&str, &str)> = ROUTE_ERRORS.iter().map(|(m, p, _)| (*m, *p)).collect();
    let unique: BTreeSet<_> = rows.iter().collect();
    assert_eq!(unique.len(), rows.len(), "a route has two rows: {rows:?}");
    let routes: BTreeSet<_> = wpplay_server::ROUTES.iter().collect();
    assert_eq!(
        unique,
        routes.iter().copied().collect(),
        "ROUTE_ERRORS in routes/openapi.rs has one row for each of wpplay_server::ROUTES"
    );
}

#[test]
fn answers_are_matched_to_their_templated_route() {
    let doc = &*DOCUMENT;
    let error = |code: &str| json!({"code": code, "message": "x"});
    let ok = [
        ("GET", "/api/v1/partners/42/content?x=1", 403, "not_linked"),
        ("GET", "/api/v1/partners/42/content", 401, "unauthenticated"),
        ("GET", "/api/v1/sync/pull?since=-1", 400, "invalid_query"),
        (
            "POST",
            "/api/v1/registrations",
            415,
            "unsupported_media_type",
        ),
        ("GET", "/api/v1/nothing-here", 404, "not_found"),
        ("GET", "/api/v1/auth/login", 405, "method_not_allowed"),
    ];
    for (method, path, status, code) in ok {
        assert_eq!(
            documented(doc, method, path, status, &error(code)),
            Ok(()),
            "{method} {path} {status} {code} is documented"
        );
    }
    assert_eq!(
        documented(doc, "GET", "/api/v1/me", 200, &json!({"code": "whatever"})),
        Ok(()),
        "a success is not an error, whatever its body"
    );
}

/// The control: an answer whose code is not documented for its route and status fails,
/// naming both.
#[test]
fn an_undocumented_code_or_status_is_caught() {
    let doc = &*DOCUMENT;
    let error = |code: &str| json!({"code": code, "message": "x"});
    let refused = [
        (
            "POST",
            "/api/v1/auth/login",
            401,
            "resync_required",
            "POST /api/v1/auth/login answered 401 `resync_required`",
        ),
        (
            "GET",
            "/api/v1/partners/7/content",
            403,
            "same_package",
            "GET /api/v1/partners/{partner_id}/content answered 403 `same_package`",
        ),
        (
            "GET",
            "/api/v1/me",
            409,
            "version_conflict",
            "GET /api/v1/me answered 409 `version_conflict`",
        ),
        (
            "GET",
            "/api/openapi.json",
            401,
            "unauthenticated",
            "GET /api/openapi.json answered 401 `unauthenticated`",
        ),
        (
            "GET",
            "/api/v1/nothing-here",
            404,
            "forbidden",
            "GET /api/v1/nothing-here answered 404 `forbidden`",
        ),
    ];
    for (method, path, status, code, says) in refused {
        let e = documented(doc, method, path, status, &error(code))
            .expect_err("an undocumented error answer is refused");
        assert!(
            e.contains(says),
            "the failure names route, status and code: {e}"
        );
    }
}

/// The control on a real answer: a wrong sign-in is documented; once its code is taken
/// out of a copy of the document, the same answer is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_answer_missing_from_the_document_is_caught() {
    let s = TestServer::start(Backend::Sqlite)
        .await
        .expect("sqlite server");
    let (status, body) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": "nobody", "password": "Wrong-pass-2026"}),
        )
        .await;
    assert_eq!(
        (status.as_u16(), body["code"].as_str()),
        (401, Some("wrong_credentials")),
        "{body}"
    );
    let mut doc = DOCUMENT.clone();
    let listed = doc["paths"]["/api/v1/auth/login"]["post"]["responses"]["401"]["content"]
        ["application/json"]["schema"]["allOf"][1]["properties"]["code"]["enum"]
        .as_array_mut()
        .expect("the login's 401 codes");
    listed.retain(|c| c != "wrong_credentials");
    let e = documented(&doc, "POST", "/api/v1/auth/login", 401, &body)
        .expect_err("the answer is refused by the document without its code");
    assert!(
        e.contains("POST /api/v1/auth/login answered 401 `wrong_credentials`"),
        "{e}"
    );
    s.stop().await;
}
