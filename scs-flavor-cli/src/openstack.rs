//! The `cloud` feature: a live cloud through the `openstack_sdk` crate.
//!
//! This module only translates: the five [`Cloud`] calls into Nova API requests, and the SDK's
//! errors into [`CloudErrorKind`]s. What to list, plan, change and print is decided by the
//! `scs-flavor-audit` crate and the CLI, as for the Python package's `openstacksdk` backend.
//!
//! The cloud is found as the OpenStack client finds it: `clouds.yaml` (and `secure.yaml`) in
//! the current directory, `~/.config/openstack`, `/etc/openstack`, the file named by
//! `OS_CLIENT_CONFIG_FILE` (and `OS_CLIENT_SECURE_FILE`); without a name, `OS_CLOUD`, else
//! the `OS_*` variables (`OS_AUTH_URL`, `OS_USERNAME`, …). Password and application-credential
//! auth (any `auth_type` the SDK knows).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::error::Error;
use std::path::PathBuf;
use std::time::Duration;

use openstack_sdk::api::compute::v2::flavor::{create_21, delete, extra_spec, list_detailed_20};
use openstack_sdk::api::{
    ignore, paged, ApiError, Client, Pageable, Pagination, Query, QueryParams, RestEndpoint,
};
use openstack_sdk::catalog::CatalogError;
use openstack_sdk::config::{CloudConfig, ConfigFile};
use openstack_sdk::types::{ApiVersion, ServiceType};
use openstack_sdk::{AuthError, OpenStack, OpenStackError, RestError};
use scs_flavor_audit::{
    flavors_from_value, Cloud, CloudError, CloudErrorKind, CloudFlavor, NewFlavor,
};
use serde_json::Value;

/// Keeps the application-credential auth plugin in the binary: the SDK looks plugins up in a
/// registry their crates fill at start, and nothing else refers to this one.
#[used]
static APPLICATION_CREDENTIAL:
    &openstack_sdk_auth_applicationcredential::ApplicationCredentialAuthenticator =
    &openstack_sdk_auth_applicationcredential::ANCHOR;

/// The flavor listing at microversion 2.61, which lists each flavor's extra specs.
struct ListWithSpecs<'a>(list_detailed_20::Request<'a>);

impl RestEndpoint for ListWithSpecs<'_> {
    fn method(&self) -> http::Method {
        self.0.method()
    }
    fn endpoint(&self) -> Cow<'static, str> {
        self.0.endpoint()
    }
    fn service_type(&self) -> ServiceType {
        self.0.service_type()
    }
    fn parameters(&self) -> QueryParams<'_> {
        self.0.parameters()
    }
    fn response_key(&self) -> Option<Cow<'static, str>> {
        self.0.response_key()
    }
    fn min_version(&self) -> Option<ApiVersion> {
        Some(ApiVersion::new(2, 61))
    }
}

impl Pageable for ListWithSpecs<'_> {
    fn use_keyset_pagination(&self) -> bool {
        self.0.use_keyset_pagination()
    }
}

/// A cloud opened with `openstack_sdk`.
pub struct OpenStackCloud {
    session: OpenStack,
}

/// Opens the cloud `name` of `clouds.yaml` (`None`: `OS_CLOUD`, else the `OS_*` environment),
/// authenticates, and checks that the catalog has a compute service.
///
/// # Errors
/// `config` (no such cloud, unreadable `clouds.yaml`), `unreachable`, `auth`, `no-compute`.
pub fn connect(name: Option<&str>) -> Result<Box<dyn Cloud>, CloudError> {
    let env_cloud = std::env::var("OS_CLOUD").ok().filter(|s| !s.is_empty());
    let name = name.map(str::to_string).or(env_cloud);
    let config = cloud_config(name.as_deref())?;
    let cloud = name.as_deref();
    let auth_url = config
        .auth
        .as_ref()
        .and_then(|a| a.auth_url.clone())
        .unwrap_or_default();
    let session = OpenStack::builder(&config)
        .disable_auth_cache(true)
        .http_connect_timeout(Duration::from_secs(10))
        .http_timeout(Duration::from_secs(120))
        .build()
        .map_err(|e| connect_error(cloud, &auth_url, &e))?;
    // The catalog's compute endpoint (for the cloud's region and interface), and its
    // microversions (without them, requests would ask for 2.0, which Nova refuses).
    session
        .discover_service_endpoint(&ServiceType::Compute)
        .map_err(|e| -> Box<dyn Error> { Box::new(e) })
        .and_then(|()| {
            Client::get_service_endpoint(&session, &ServiceType::Compute, None)
                .map_err(|e| -> Box<dyn Error> { Box::new(e) })
        })
        .map_err(|e| match said(e.as_ref()) {
            Some(Said::Kind(CloudErrorKind::NoCompute)) | None => CloudError::no_compute(
                cloud,
                config.region_name.as_deref(),
                config.interface.as_deref(),
            ),
            Some(_) => connect_error(cloud, &auth_url, e.as_ref()),
        })?;
    Ok(Box::new(OpenStackCloud { session }))
}

/// The cloud's configuration: `clouds.yaml` entry `name`, or the `OS_*` environment.
fn cloud_config(name: Option<&str>) -> Result<CloudConfig, CloudError> {
    let Some(name) = name else {
        if std::env::var_os("OS_AUTH_URL").is_none() {
            return Err(CloudError::no_cloud_given());
        }
        return CloudConfig::from_env()
            .map_err(|e| CloudError::bad_config("the OS_* environment", &e.to_string()));
    };
    let env_file = |var: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let clouds = env_file("OS_CLIENT_CONFIG_FILE");
    let secure = env_file("OS_CLIENT_SECURE_FILE");
    let files = ConfigFile::new_with_user_specified_configs(clouds.as_ref(), secure.as_ref())
        .map_err(|e| CloudError::bad_config("clouds.yaml", &e.to_string()))?;
    files
        .get_cloud_config(name)
        .map_err(|e| CloudError::bad_config("clouds.yaml", &e.to_string()))?
        .ok_or_else(|| {
            let file = clouds.as_ref().map(|p| p.display().to_string());
            CloudError::no_such_cloud(name, file.as_deref())
        })
}

/// The error of connecting to `cloud` at `auth_url`.
fn connect_error(cloud: Option<&str>, auth_url: &str, e: &(dyn Error + 'static)) -> CloudError {
    match said(e) {
        Some(Said::Kind(CloudErrorKind::Auth) | Said::Http(401, _)) => {
            CloudError::credentials_refused(cloud, auth_url)
        }
        Some(Said::Http(status, text)) => CloudError::authentication_refused(cloud, status, &text),
        Some(Said::Kind(CloudErrorKind::Unreachable)) => {
            CloudError::unreachable(cloud, auth_url, &unreachable_detail(e))
        }
        Some(Said::Kind(CloudErrorKind::NoCompute)) => CloudError::no_compute(cloud, None, None),
        // Missing auth settings (`AuthValueNotSupplied`, `NoAuth`, a configuration error) and
        // anything else the SDK cannot start with.
        Some(Said::Kind(_)) | None => CloudError::cannot_connect(cloud, &e.to_string()),
    }
}

/// The error of a call (its operation is added by the caller: `apply`, `list_flavors`).
fn call_error<E: Error + 'static>(e: &E) -> CloudError {
    match said(e) {
        Some(Said::Http(status, text)) => CloudError::http(status, &text),
        Some(Said::Kind(CloudErrorKind::Unreachable)) => {
            CloudError::connection_failed(&unreachable_detail(e))
        }
        Some(Said::Kind(kind @ CloudErrorKind::Auth)) => CloudError::new(kind, e.to_string()),
        Some(Said::Kind(_)) | None => CloudError::failed(&e.to_string()),
    }
}

/// What an error of the SDK says happened.
#[derive(Debug, PartialEq)]
enum Said {
    /// A kind of failure without an HTTP answer (or whose answer decides nothing more).
    Kind(CloudErrorKind),
    /// An HTTP error answer: its status and the server's message (empty if it has none).
    Http(u16, String),
}

/// What the first error in `e`'s chain that says what happened says.
fn said(e: &(dyn Error + 'static)) -> Option<Said> {
    let mut next = Some(e);
    while let Some(e) = next {
        if let Some(said) = said_by(e) {
            return Some(said);
        }
        next = e.source();
    }
    None
}

fn said_by(e: &(dyn Error + 'static)) -> Option<Said> {
    use Said::{Http, Kind};
    if let Some(e) = e.downcast_ref::<OpenStackError>() {
        return match e {
            OpenStackError::Communication { .. } | OpenStackError::Discovery { .. } => {
                Some(Kind(CloudErrorKind::Unreachable))
            }
            OpenStackError::Http { status } => Some(Http(status.as_u16(), String::new())),
            _ => None,
        };
    }
    if let Some(e) = e.downcast_ref::<ApiError<RestError>>() {
        return match e {
            ApiError::OpenStack { status, msg, .. } => Some(Http(status.as_u16(), msg.clone())),
            // Nova's `{"forbidden": {"code": 403, "message": "..."}}`.
            ApiError::OpenStackUnrecognized { status, obj, .. } => {
                let msg = obj
                    .as_object()
                    .and_then(|o| o.values().find_map(|v| v.get("message")))
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                Some(Http(status.as_u16(), msg.to_string()))
            }
            // An answer that is not JSON (a proxy's error page).
            ApiError::OpenStackService { status, data, .. } => {
                Some(Http(status.as_u16(), plain_text(data)))
            }
            _ => None,
        };
    }
    if let Some(RestError::Communication { .. }) = e.downcast_ref::<RestError>() {
        return Some(Kind(CloudErrorKind::Unreachable));
    }
    if let Some(e) = e.downcast_ref::<AuthError>() {
        return match e {
            AuthError::Reqwest { .. } => Some(Kind(CloudErrorKind::Unreachable)),
            // Keystone's error answer that is not its JSON error (e.g. a proxy's 502 page).
            AuthError::UnknownAuth { code, message } => Some(Http(
                *code,
                plain_text(message.as_deref().unwrap_or_default()),
            )),
            // A second factor is required (multi-factor authentication).
            AuthError::AuthReceipt(_) => Some(Kind(CloudErrorKind::Auth)),
            AuthError::Identity(e) => u16::try_from(e.code)
                .ok()
                .map(|status| Http(status, e.message.clone())),
            _ => None,
        };
    }
    if let Some(e) = e.downcast_ref::<CatalogError>() {
        return match e {
            CatalogError::ServiceNotConfigured { .. } => Some(Kind(CloudErrorKind::NoCompute)),
            CatalogError::Http { status, .. } => Some(Http(status.as_u16(), String::new())),
            _ => None,
        };
    }
    None
}

/// The body of an error answer that is not JSON, if it is a short plain text (`upstream
/// timeout`); empty for an HTML page or a long text.
fn plain_text(body: &str) -> String {
    let body = body.trim();
    if body.starts_with('<') || body.len() > 200 {
        String::new()
    } else {
        body.to_string()
    }
}

/// Why an endpoint cannot be reached: the message of a failed version discovery, else the
/// last error of `e`'s chain (`Connection refused (os error 111)`), on one line.
fn unreachable_detail(e: &(dyn Error + 'static)) -> String {
    let mut last = e;
    loop {
        if let Some(OpenStackError::Discovery { msg, .. }) = last.downcast_ref::<OpenStackError>() {
            return msg.clone();
        }
        match last.source() {
            Some(next) => last = next,
            None => return last.to_string(),
        }
    }
}

fn int(what: &str, n: u64) -> Result<i32, CloudError> {
    i32::try_from(n).map_err(|_| CloudError::failed(&format!("{what} {n} is too large for Nova")))
}

impl OpenStackCloud {
    /// The extra specs of flavor `id` (for clouds whose listing lacks them).
    fn extra_specs(&self, id: &str) -> Result<Value, CloudError> {
        let what = format!("reading the extra specs of flavor {id}");
        let ep = extra_spec::list_21::Request::builder()
            .flavor_id(id)
            .build()
            .map_err(|e| call_error(&e).during(&what))?;
        ep.query(&self.session)
            .map_err(|e| call_error(&e).during(&what))
    }
}

impl Cloud for OpenStackCloud {
    fn flavors(&mut self) -> Result<Vec<CloudFlavor>, CloudError> {
        // All flavors for an admin, public and the project's own for anyone else: Nova
        // ignores `is_public` for users without the admin role.
        let request = || {
            list_detailed_20::Request::builder()
                .is_public("None")
                .build()
                .map_err(|e| call_error(&e))
        };
        let listed: Result<Vec<Value>, _> =
            paged(ListWithSpecs(request()?), Pagination::All).query(&self.session);
        let mut list: Vec<Value> = match listed {
            Ok(list) => list,
            // A cloud older than 2.61 (Rocky): the extra specs flavor by flavor, below. The
            // SDK knows no maximum from Nova's version document (`version`, not
            // `max_version`), so it asks for 2.61 and Nova answers 406 Not Acceptable.
            Err(
                ApiError::MicroversionIncompatible { .. }
                | ApiError::OpenStack {
                    status: http::StatusCode::NOT_ACCEPTABLE,
                    ..
                }
                | ApiError::OpenStackUnrecognized {
                    status: http::StatusCode::NOT_ACCEPTABLE,
                    ..
                },
            ) => paged(request()?, Pagination::All)
                .query(&self.session)
                .map_err(|e| call_error(&e))?,
            Err(e) => return Err(call_error(&e)),
        };
        for flavor in &mut list {
            if let Value::Object(map) = flavor {
                if map.contains_key("extra_specs") {
                    continue;
                }
                let id = map.get("id").and_then(Value::as_str).unwrap_or_default();
                let specs = self.extra_specs(id)?;
                let specs = specs.get("extra_specs").cloned().unwrap_or(specs);
                map.insert("extra_specs".to_string(), specs);
            }
        }
        flavors_from_value(&Value::Array(list))
            .map_err(|e| CloudError::failed(&format!("unexpected answer: {e}")))
    }

    fn create_flavor(&mut self, name: &str, new: &NewFlavor) -> Result<String, CloudError> {
        let flavor = create_21::FlavorBuilder::default()
            .name(name)
            .vcpus(int("vCPUs", new.vcpus)?)
            .ram(int("RAM", new.ram_mib)?)
            .disk(int("disk", new.disk_gb)?)
            .os_flavor_access_is_public(new.public)
            .build()
            .map_err(|e| call_error(&e))?;
        let ep = create_21::Request::builder()
            .flavor(flavor)
            .build()
            .map_err(|e| call_error(&e))?;
        let created: Value = ep.query(&self.session).map_err(|e| call_error(&e))?;
        created
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| CloudError::failed("the answer has no ID"))
    }

    fn set_properties(
        &mut self,
        id: &str,
        properties: &BTreeMap<String, String>,
    ) -> Result<(), CloudError> {
        let ep = extra_spec::create::Request::builder()
            .flavor_id(id)
            .extra_specs(properties.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .build()
            .map_err(|e| call_error(&e))?;
        ignore(ep).query(&self.session).map_err(|e| call_error(&e))
    }

    fn unset_properties(&mut self, id: &str, keys: &[String]) -> Result<(), CloudError> {
        for key in keys {
            let ep = extra_spec::delete::Request::builder()
                .flavor_id(id)
                .id(key.as_str())
                .build()
                .map_err(|e| call_error(&e))?;
            ignore(ep)
                .query(&self.session)
                .map_err(|e| call_error(&e))?;
        }
        Ok(())
    }

    fn delete_flavor(&mut self, id: &str) -> Result<(), CloudError> {
        let ep = delete::Request::builder()
            .id(id)
            .build()
            .map_err(|e| call_error(&e))?;
        ignore(ep).query(&self.session).map_err(|e| call_error(&e))
    }
}

#[cfg(test)]
mod tests {
    //! The SDK's errors as the SDK builds them (its types, in the chains it wraps them in),
    //! read into the [`CloudError`]s that `scs_flavor_audit::CloudError`'s constructors
    //! document. `tests/live_cloud.rs` checks the same against a real Keystone and Nova.
    use super::*;

    const URL: &str = "http://keystone.example/v3";

    /// An error of the SDK's connection (`OpenStack::build`) from an auth error.
    fn at_connect(e: AuthError) -> CloudError {
        connect_error(Some("c"), URL, &OpenStackError::from(e))
    }

    fn identity(code: u32, message: &str) -> AuthError {
        AuthError::Identity(
            serde_json::from_value(serde_json::json!({"code": code, "message": message}))
                .expect("Keystone's error object"),
        )
    }

    fn assert_error(e: &CloudError, kind: CloudErrorKind, message: &str) {
        assert_eq!((e.kind, e.message.as_str()), (kind, message));
    }

    #[test]
    fn keystone_error_answers_keep_their_status_and_text() {
        // Keystone's JSON error: 401 is refused credentials, other statuses as in `http`.
        let refused =
            "the credentials of cloud c were refused (http://keystone.example/v3: HTTP 401)";
        assert_error(
            &at_connect(identity(
                401,
                "The request you have made requires authentication.",
            )),
            CloudErrorKind::Auth,
            refused,
        );
        assert_error(
            &at_connect(identity(403, "no access")),
            CloudErrorKind::Forbidden,
            "cloud c refused the authentication: forbidden (HTTP 403): no access",
        );
        assert_error(
            &at_connect(identity(500, "An unexpected error prevented the server from fulfilling your request.")),
            CloudErrorKind::Refused,
            "cloud c refused the authentication: refused (HTTP 500): An unexpected error prevented the server from fulfilling your request.",
        );
        // An answer that is not Keystone's JSON: its status, and its body if plain text.
        let unknown = |code, body: &str| AuthError::UnknownAuth {
            code,
            message: Some(body.to_string()),
        };
        assert_error(
            &at_connect(unknown(502, "upstream\n timeout\n")),
            CloudErrorKind::Refused,
            "cloud c refused the authentication: refused (HTTP 502): upstream timeout",
        );
        assert_error(
            &at_connect(unknown(
                503,
                "<html><body>503 Service Unavailable</body></html>",
            )),
            CloudErrorKind::Refused,
            "cloud c refused the authentication: refused (HTTP 503)",
        );
        assert_error(
            &at_connect(unknown(401, "{malformed")),
            CloudErrorKind::Auth,
            refused,
        );
        // A second factor required (an auth receipt): the credentials alone are refused.
        assert_error(
            &at_connect(AuthError::AuthReceipt(Box::default())),
            CloudErrorKind::Auth,
            refused,
        );
    }

    #[test]
    fn errors_without_an_answer_are_configuration_or_connection() {
        assert_error(
            &connect_error(None, URL, &OpenStackError::NoAuth),
            CloudErrorKind::Config,
            "cannot connect to cloud from the OS_* environment: No authentication information available",
        );
        let missing = at_connect(AuthError::AuthValueNotSupplied("password".into()));
        assert_eq!(missing.kind, CloudErrorKind::Config, "{missing}");
        let discovery = OpenStackError::Discovery {
            service: "identity".into(),
            url: URL.into(),
            msg: "no version document".into(),
        };
        assert_error(
            &connect_error(Some("c"), URL, &discovery),
            CloudErrorKind::Unreachable,
            &CloudError::unreachable(Some("c"), URL, "no version document").message,
        );
    }

    #[test]
    fn call_errors_keep_the_answer_s_status() {
        let api = |status: u16, data: &str| -> ApiError<RestError> {
            ApiError::OpenStackService {
                status: http::StatusCode::from_u16(status).expect("a status"),
                uri: http::Uri::from_static("http://nova.example/v2.1/flavors"),
                data: data.to_string(),
                req_id: None,
            }
        };
        assert_error(
            &call_error(&api(503, "<html>Service Unavailable</html>")),
            CloudErrorKind::Refused,
            "refused (HTTP 503)",
        );
        assert_error(
            &call_error(&api(502, "Bad Gateway")),
            CloudErrorKind::Refused,
            "refused (HTTP 502): Bad Gateway",
        );
        assert_error(
            &call_error(&OpenStackError::Http {
                status: http::StatusCode::INTERNAL_SERVER_ERROR,
            }),
            CloudErrorKind::Refused,
            "refused (HTTP 500)",
        );
        let catalog = CatalogError::Http {
            status: http::StatusCode::UNAUTHORIZED,
            body: "request failed".into(),
        };
        assert_error(
            &call_error(&catalog),
            CloudErrorKind::Auth,
            "not authenticated (HTTP 401)",
        );
        // A re-authentication during a call that needs a second factor.
        let receipt = OpenStackError::from(AuthError::AuthReceipt(Box::default()));
        let e = call_error(&receipt);
        assert_error(&e, CloudErrorKind::Auth, &receipt.to_string());
        // Anything else the SDK says is the call's failure, in its words.
        let e = call_error(&OpenStackError::NoResponse {});
        assert_error(&e, CloudErrorKind::Refused, "no response from API");
    }

    #[test]
    fn only_short_plain_text_is_kept_of_a_body() {
        let line = "x".repeat(200);
        assert_eq!(plain_text(&format!(" {line}\n")), line);
        assert_eq!(plain_text(&format!("{line}x")), "");
        assert_eq!(plain_text("<p>Bad Gateway</p>"), "");
        assert_eq!(plain_text(" Bad Gateway "), "Bad Gateway");
    }
}
