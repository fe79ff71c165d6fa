variable "web_flavor" {
  description = "Flavor of the web servers"
  type        = string
  default     = "SCS-2V-4"
}

variable "gpu_flavor" {
  type = string
}

variable "big" {
  type    = bool
  default = false
}

variable "db_flavor" {
  default = "SCS-2V:8"
}
