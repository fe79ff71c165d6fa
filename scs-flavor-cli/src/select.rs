//! `scs-flavor select`: the flavors that satisfy requirements, best first, and why the others
//! do not.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use clap::Args;
use scs_flavor::{CpuType, CpuVendor, DiskType, GpuVendor};
use scs_flavor_audit::{
    parse_cpu_type, parse_cpu_vendor, parse_disk_type, parse_gpu_vendor, Arch, Requirements,
};

use crate::audit::{read_input, Format};

/// Arguments of `scs-flavor select`.
#[derive(Debug, Args)]
pub struct SelectArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub output: Format,
    /// At least this many vCPUs.
    #[arg(long, default_value_t = 0)]
    pub cpus: u32,
    /// At least this CPU type: L, V, T, C (or crowded-core, shared-core, dedicated-thread,
    /// dedicated-core).
    #[arg(long, value_parser = parse_cpu_type)]
    pub cpu_type: Option<CpuType>,
    /// vCPUs protected against CPU vulnerabilities (no `i`).
    #[arg(long)]
    pub secure: bool,
    /// At least this much RAM in GiB.
    #[arg(long, default_value_t = 0.0)]
    pub ram: f64,
    /// ECC RAM (no `u`).
    #[arg(long)]
    pub ecc: bool,
    /// RAM not oversubscribed (no `o`).
    #[arg(long)]
    pub no_oversubscription: bool,
    /// A root disk of at least this many GB.
    #[arg(long, default_value_t = 0)]
    pub disk: u32,
    /// A root disk of at least this type: network < hdd < ssd < nvme (or n, h, s, p).
    #[arg(long, value_parser = parse_disk_type)]
    pub disk_type: Option<DiskType>,
    /// No root disk (boot from a volume).
    #[arg(long, conflicts_with_all = ["disk", "disk_type"])]
    pub no_disk: bool,
    /// CPU architecture: x86-64, arm or riscv.
    #[arg(long, value_parser = parse_arch)]
    pub arch: Option<Arch>,
    /// CPU vendor: intel, amd, arm, riscv (or i, z, a, r).
    #[arg(long, value_parser = parse_cpu_vendor)]
    pub cpu_vendor: Option<CpuVendor>,
    /// A GPU.
    #[arg(long)]
    pub gpu: bool,
    /// GPU vendor: nvidia, amd, intel (or N, A, I).
    #[arg(long, value_parser = parse_gpu_vendor)]
    pub gpu_vendor: Option<GpuVendor>,
    /// At least this many GPU compute units (SMs, CUs, EUs).
    #[arg(long, default_value_t = 0)]
    pub gpu_units: u32,
    /// At least this much GPU VRAM in GiB.
    #[arg(long, default_value_t = 0)]
    pub vram: u32,
    /// Infiniband.
    #[arg(long)]
    pub ib: bool,
    /// Bare metal.
    #[arg(long)]
    pub bare_metal: bool,
    /// Hardware (nested) virtualisation.
    #[arg(long)]
    pub hwv: bool,
    /// Choose from a cloud's flavor list (`openstack flavor list --long -f json`; `-` for
    /// standard input) instead of names; flavors that deliver less than their names promise
    /// are rejected.
    #[arg(long, value_name = "FILE", conflicts_with = "names")]
    pub flavors: Option<PathBuf>,
    /// Flavor names; `-` reads one name per line from standard input.
    pub names: Vec<String>,
}

impl SelectArgs {
    fn requirements(&self) -> Requirements {
        Requirements {
            cpus: self.cpus,
            cpu_type: self.cpu_type,
            secure_cpu: self.secure,
            ram_gib: self.ram,
            ecc: self.ecc,
            no_oversubscription: self.no_oversubscription,
            disk_gb: self.disk,
            disk_type: self.disk_type,
            no_disk: self.no_disk,
            arch: self.arch,
            cpu_vendor: self.cpu_vendor,
            gpu: self.gpu,
            gpu_vendor: self.gpu_vendor,
            gpu_units: self.gpu_units,
            gpu_vram_gib: self.vram,
            infiniband: self.ib,
            bare_metal: self.bare_metal,
            hwv: self.hwv,
        }
    }
}

fn parse_arch(s: &str) -> Result<Arch, String> {
    s.parse()
}

/// Runs `select`: exit status 0 if some flavor matches, 1 if none does, 2 for unreadable input.
pub(crate) fn run(
    args: &SelectArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> std::io::Result<i32> {
    let req = args.requirements();
    let selection = match &args.flavors {
        Some(path) => {
            let text = match read_input(path, stdin) {
                Ok(text) => text,
                Err(e) => {
                    writeln!(stderr, "scs-flavor: {e}")?;
                    return Ok(2);
                }
            };
            match scs_flavor_audit::parse_flavors(&text) {
                Ok(flavors) => scs_flavor_audit::select_flavors(&req, &flavors),
                Err(e) => {
                    writeln!(stderr, "scs-flavor: {}: {e}", path.display())?;
                    return Ok(2);
                }
            }
        }
        None => {
            let mut names = Vec::new();
            crate::for_each_name(&args.names, stdin, |n| {
                names.push(n.to_string());
                Ok(())
            })?;
            scs_flavor_audit::select(&req, &names)
        }
    };
    if args.output == Format::Json {
        serde_json::to_writer_pretty(&mut *stdout, &selection)?;
        writeln!(stdout)?;
    } else {
        write!(stdout, "{selection}")?;
    }
    Ok(if selection.matches.is_empty() { 1 } else { 0 })
}
