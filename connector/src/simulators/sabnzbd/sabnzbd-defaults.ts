// A real SABnzbd 4.5.0's settings right after a start (test/recorded/sabnzbd-4.5/get-config-misc-fresh.json and
// get-config-ncenter.json), on which the simulator's profiles lay their own values.

/** Every public misc setting with its 4.5.0 default (only folders and keys are the simulator's). */
export function realMiscDefaults(apiKey: string, nzbKey: string, port: number) {
  return {
    config_conversion_version: 4, helpful_warnings: 1, queue_complete: "", queue_complete_pers: 0, bandwidth_perc: 100,
    refresh_rate: 0, interface_settings: "", queue_limit: 20, config_lock: 0, notified_new_skin: 0, check_new_rel: 0,
    // false, not 1: the recorder starts SABnzbd with --browser 0, as Docker images and the test bed do.
    auto_browser: false, language: "en", enable_https_verification: 1, host: "127.0.0.1", port: String(port),
    https_port: "", username: "", password: "", bandwidth_max: "", cache_limit: "1G", web_dir: "Glitter",
    web_color: "Auto", https_cert: "server.cert", https_key: "server.key", https_chain: "", enable_https: 0,
    inet_exposure: 0, api_key: apiKey, nzb_key: nzbKey, socks5_proxy_url: "", permissions: "",
    download_dir: "/config/Downloads/incomplete", download_free: "", complete_dir: "/config/Downloads/complete",
    complete_free: "", fulldisk_autoresume: 0, script_dir: "", nzb_backup_dir: "", admin_dir: "admin", backup_dir: "",
    dirscan_dir: "", dirscan_speed: 5, password_file: "", log_dir: "logs", max_art_tries: 3, top_only: 0, sfv_check: 1,
    script_can_fail: 0, enable_recursive: 1, flat_unpack: 0, par_option: "", pre_check: 0, nice: "", win_process_prio: 3,
    ionice: "", fail_hopeless_jobs: 1, fast_fail: 1, auto_disconnect: 1, pre_script: "None", end_queue_script: "None",
    no_dupes: 0, no_series_dupes: 0, no_smart_dupes: 0, dupes_propercheck: 1, pause_on_pwrar: 1, ignore_samples: 0,
    deobfuscate_final_filenames: 1, auto_sort: "", direct_unpack: 0, propagation_delay: 0, folder_rename: 1,
    replace_spaces: 0, replace_underscores: 0, replace_dots: 0, safe_postproc: 1, pause_on_post_processing: 0,
    enable_all_par: 0, sanitize_safe: 0, cleanup_list: [], unwanted_extensions: [], action_on_unwanted_extensions: 0,
    unwanted_extensions_mode: 0, new_nzb_on_failure: 0, history_retention: "", history_retention_option: "all",
    history_retention_number: 0, quota_size: "", quota_day: "", quota_resume: 0, quota_period: "m", schedlines: [],
    rss_rate: 60, ampm: 0, start_paused: 0, preserve_paused_state: 0, enable_par_cleanup: 1, process_unpacked_par2: 1,
    enable_unrar: 1, enable_7zip: 1, enable_filejoin: 1, enable_tsjoin: 1, overwrite_files: 0, ignore_unrar_dates: 0,
    backup_for_duplicates: 0, empty_postproc: 0, wait_for_dfolder: 0, rss_filenames: 0, api_logging: 1, html_login: 1,
    disable_archive: 0, warn_dupl_jobs: 0, keep_awake: 1, tray_icon: 1, allow_incomplete_nzb: 0, enable_broadcast: 1,
    ipv6_hosting: 0, ipv6_staging: 0, api_warnings: 1, no_penalties: 0, x_frame_options: 1, allow_old_ssl_tls: 0,
    enable_season_sorting: 1, verify_xff_header: 0, rss_odd_titles: ["nzbindex.nl/", "nzbindex.com/", "nzbclub.com/"],
    quick_check_ext_ignore: ["nfo", "sfv", "srr"], req_completion_rate: 100.2, selftest_host: "self-test.sabnzbd.org",
    movie_rename_limit: "100M", episode_rename_limit: "20M", size_limit: "0", direct_unpack_threads: 3,
    history_limit: 10, wait_ext_drive: 5, max_foldername_length: 246, nomedia_marker: "", ipv6_servers: 1, url_base: "",
    host_whitelist: ["vm"], local_ranges: [], max_url_retries: 10, downloader_sleep_time: 10, receive_threads: 2,
    switchinterval: 0.005, ssdp_broadcast_interval: 15, ext_rename_ignore: [], unrar_parameters: "", email_server: "",
    email_to: [], email_from: "", email_account: "", email_pwd: "", email_endjob: 0, email_full: 0, email_dir: "",
    email_rss: 0, email_cats: ["*"],
  } as Record<string, unknown>;
}

/**
 * The misc settings SABnzbd keeps as OptionBool (sabnzbd/cfg.py), with their defaults: config.py's OptionBool
 * answers int(default) until a value different from the current one is set, then the Python bool it stored
 * (OptionBool.set stores bool_conv(value); Option.set ignores a value equal to the current one).
 */
export const SWITCH_DEFAULTS: Readonly<Record<string, 0 | 1>> = {
  helpful_warnings: 1, queue_complete_pers: 0, config_lock: 0, auto_browser: 1, enable_https_verification: 1,
  enable_https: 0, fulldisk_autoresume: 0, top_only: 0, sfv_check: 1, script_can_fail: 0, enable_recursive: 1,
  flat_unpack: 0, pre_check: 0, fail_hopeless_jobs: 1, fast_fail: 1, auto_disconnect: 1, dupes_propercheck: 1,
  ignore_samples: 0, deobfuscate_final_filenames: 1, direct_unpack: 0, folder_rename: 1, replace_spaces: 0,
  replace_underscores: 0, replace_dots: 0, safe_postproc: 1, pause_on_post_processing: 0, enable_all_par: 0,
  sanitize_safe: 0, new_nzb_on_failure: 0, quota_resume: 0, ampm: 0, start_paused: 0, preserve_paused_state: 0,
  enable_par_cleanup: 1, process_unpacked_par2: 1, enable_unrar: 1, enable_7zip: 1, enable_filejoin: 1,
  enable_tsjoin: 1, overwrite_files: 0, ignore_unrar_dates: 0, backup_for_duplicates: 0, empty_postproc: 0,
  wait_for_dfolder: 0, rss_filenames: 0, api_logging: 1, html_login: 1, disable_archive: 0, warn_dupl_jobs: 0,
  keep_awake: 1, tray_icon: 1, allow_incomplete_nzb: 0, enable_broadcast: 1, ipv6_hosting: 0, ipv6_staging: 0,
  api_warnings: 1, no_penalties: 0, x_frame_options: 1, allow_old_ssl_tls: 0, enable_season_sorting: 1,
  verify_xff_header: 0, ipv6_servers: 1, email_full: 0, email_rss: 0
};

export const REAL_NCENTER = {"ncenter_enable": 0, "ncenter_cats": ["*"], "ncenter_prio_startup": 0, "ncenter_prio_download": 0, "ncenter_prio_pause_resume": 0, "ncenter_prio_pp": 0, "ncenter_prio_complete": 1, "ncenter_prio_failed": 1, "ncenter_prio_disk_full": 1, "ncenter_prio_new_login": 0, "ncenter_prio_warning": 0, "ncenter_prio_error": 0, "ncenter_prio_queue_done": 0, "ncenter_prio_other": 1};
