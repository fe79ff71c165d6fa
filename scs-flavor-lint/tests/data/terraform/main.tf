# A small web tier on an SCS cloud.
terraform {
  required_providers {
    openstack = {
      source = "terraform-provider-openstack/openstack"
    }
  }
}

data "openstack_compute_flavor_v2" "db" {
  name = "SCS-4V-16-50s"
}

resource "openstack_compute_instance_v2" "web" {
  count       = 2
  name        = "web-${count.index}"
  flavor_name = var.web_flavor
  image_name  = "Ubuntu 24.04"
}

resource "openstack_compute_instance_v2" "bastion" {
  name        = "bastion"
  flavor_name = "SCS-2V-4-20s"
}

resource "openstack_compute_instance_v2" "worker" {
  name        = "worker"
  flavor_name = local.worker_flavor
}

resource "openstack_compute_instance_v2" "gpu" {
  name        = "gpu"
  flavor_name = "${var.gpu_flavor}"
}

resource "openstack_compute_instance_v2" "batch" {
  name        = "batch"
  flavor_name = var.big ? "SCS-16V-64" : "m1.large"
}

locals {
  worker_flavor = "SCS-2V-4_i7"
}
